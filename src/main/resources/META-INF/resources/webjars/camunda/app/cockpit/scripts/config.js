/*
 * Cocrea's Cockpit configuration. It replaces the webjar's app/cockpit/scripts/config.js (files under
 * src/main/resources/META-INF/resources/webjars/camunda/ come first on the classpath).
 *
 * Languages: the browser's first language picks es or en; any other language, and no language, falls back to es.
 * es.json is ours; en.json is the webjar's own. cocrea/webapp-locale.js puts the date pickers in the same language.
 */
const appRoot = document.querySelector('base').getAttribute('app-root');

export default {
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  requireJsConfig: {
    deps: ['cocrea-webapp-locale'],
    ngDeps: ['cocrea.webappLocale'],
    paths: {
      'cocrea-webapp-locale': appRoot + '/app/cocrea/webapp-locale'
    }
  }
};
