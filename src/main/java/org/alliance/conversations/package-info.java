/**
 * Feature: conversations about an answer, between the leader and its author, named or anonymous.
 */
@ApplicationModule(displayName = "Conversations")
package org.alliance.conversations;

import org.springframework.modulith.ApplicationModule;
