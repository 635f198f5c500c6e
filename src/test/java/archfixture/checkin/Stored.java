package archfixture.checkin;

import org.bson.Document;
import org.quartz.JobKey;

/** Broken on purpose: a domain record that holds MongoDB and Quartz types. */
record Stored(Document document, JobKey job) {
}
