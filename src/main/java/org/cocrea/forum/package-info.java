/**
 * The multi-stakeholder forum (Open State Forum, OGP Participation and Co-Creation Standards, Standard 1: a space for
 * ongoing dialogue between government and civil society that oversees the OGP process): its members with their
 * organisation, sector, type (government or civil society), representative and term, and the versions of its rules.
 * Staff keep them on {@code /staff/forum}. The forum's meetings are implementation meetings of kind {@code FORUM}
 * (package {@code implementation}), which also shows the public page {@code /forum}; commitment drafts are circulated
 * to {@link org.cocrea.forum.Forum#currentMembers the current members}. Depends on the kernel only.
 */
package org.cocrea.forum;
