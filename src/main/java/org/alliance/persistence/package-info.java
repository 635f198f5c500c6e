/**
 * Infrastructure: the MongoDB connection, embedded or external. Depends on no other module.
 */
@ApplicationModule(displayName = "Persistence")
package org.alliance.persistence;

import org.springframework.modulith.ApplicationModule;
