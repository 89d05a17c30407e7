package org.cocrea.participant;

/**
 * A person had their personal data erased from the directory (right of erasure, Ley 25.326 art. 16). Published in
 * the erasure's transaction, before the address is overwritten, so that other features holding the same address
 * (e.g. following) erase theirs in the same transaction.
 *
 * @param email the erased address, lower case
 */
public record ContactErased(String email) {
}
