/*
 * Cocrea's Tasklist configuration. It replaces the webjar's app/tasklist/scripts/config.js (files under
 * src/main/resources/META-INF/resources/webjars/camunda/ come first on the classpath).
 *
 * Languages: the browser's first language picks es or en; any other language, and no language, falls back to es
 * (area users are Buenos Aires government staff). es.json is ours; en.json is the webjar's own.
 * cocrea/webapp-locale.js puts the rest of the chrome in the same language: date pickers, the keyboard-shortcut
 * descriptions below and the form renderer's fixed messages.
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
  },

  // The descriptions are English; cocrea/webapp-locale.js swaps in the Spanish ones for Spanish browsers.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
