// Cocrea: the webapps have no login of their own; /login is the one login (org.cocrea.workflow.WebappLoginRedirect).
// When the webapp shows its login view (after "Log out", or once the session has expired), reload the webapp's page:
// Spring Security sends the visitor to /login and, after it, back here.
function cocreaOneLogin() {
  if (/^#\/login\b/.test(window.location.hash)) {
    window.location.replace(window.location.pathname);
  }
}
cocreaOneLogin();
window.addEventListener('hashchange', cocreaOneLogin);
