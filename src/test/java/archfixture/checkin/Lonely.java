package archfixture.checkin;

/** Broken on purpose: public, but no other module uses it. */
public class Lonely {
}
