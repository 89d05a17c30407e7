/*
 * Cocrea's Welcome configuration. It replaces the webjar's app/welcome/scripts/config.js (files under
 * src/main/resources/META-INF/resources/webjars/camunda/ come first on the classpath).
 *
 * Languages: the browser's first language picks es or en; any other language, and no language, falls back to es.
 * es.json is ours; en.json is the webjar's own. cocrea/webapp-locale.js puts the date pickers in the same language.
 */
const appRoot = document.querySelector('base').getAttribute('app-root');

// The fallback is the language the webapp picks anyway (camunda-commons-ui's rule: the primary subtag of the browser's
// first language, if available, else the fallback), so an English browser loads en.json alone. With es as its
// fallback, angular-translate loaded es.json beside en.json, and texts read once with $translate.instant() before
// en.json arrived (e.g. Tasklist's "Sort by" choices) stayed Spanish.
const languages = ['es', 'en'];
const browserLanguage = ((Array.isArray(navigator.languages) ? navigator.languages[0]
    : navigator.language || navigator.browserLanguage || navigator.systemLanguage || navigator.userLanguage) || '')
    .split('-')[0].toLowerCase();

export default {
  locales: {
    availableLocales: languages,
    fallbackLocale: languages.includes(browserLanguage) ? browserLanguage : 'es'
  },
  requireJsConfig: {
    deps: ['cocrea-webapp-locale'],
    ngDeps: ['cocrea.webappLocale'],
    paths: {
      'cocrea-webapp-locale': appRoot + '/app/cocrea/webapp-locale'
    }
  }
};
