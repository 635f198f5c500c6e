package org.alliance.install;

/**
 * A secret as stored: which key sealed it and, in base64, the 96-bit IV followed by the AES-GCM
 * ciphertext and tag. Public only because the database's record codec needs it to be.
 */
public record SealedValue(String keyId, String data) {
}
