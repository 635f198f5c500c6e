/**
 * Infrastructure: durable jobs in MongoDB, fired by Quartz, and working hours. Features add
 * {@link org.alliance.schedule.JobHandler}s; this module knows none of them.
 */
@ApplicationModule(displayName = "Scheduling")
package org.alliance.schedule;

import org.springframework.modulith.ApplicationModule;
