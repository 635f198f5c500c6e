/**
 * Feature: people's own data. {@code /alliance my-data} sends a person a file of everything stored
 * about them; {@code /alliance forget-me} erases what they wrote and puts a pseudonym where their id
 * was. Each module that stores personal data says what it holds through {@link org.alliance.workspace.PersonalData}.
 */
@ApplicationModule(displayName = "Privacy")
package org.alliance.privacy;

import org.springframework.modulith.ApplicationModule;
