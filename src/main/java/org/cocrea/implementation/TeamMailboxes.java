package org.cocrea.implementation;

import java.util.List;

/**
 * Who receives the implementation flags: the members of the open-government team ({@code og-team}). The workflow
 * layer implements it from the engine's identity service, which this package does not import.
 */
public interface TeamMailboxes {

    /** @return the e-mail addresses of the team's members, each once; empty when nobody has one */
    List<String> openGovernmentTeam();
}
