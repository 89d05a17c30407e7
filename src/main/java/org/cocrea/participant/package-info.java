/**
 * The contact directory (Stage 2): organisations with their type and the people the calls for participation go to,
 * with their axes and topics of interest, language and consent. Proposers who consented join automatically. Every
 * person holds a private token for one-click unsubscribe, the export of their data and its erasure (Argentina's Ley
 * 25.326 on personal data protection); erasure keeps anonymised participation counts.
 */
package org.cocrea.participant;
