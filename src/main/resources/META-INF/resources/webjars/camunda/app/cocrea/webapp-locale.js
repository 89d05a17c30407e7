/*
 * Cocrea: the parts of the Camunda 7.24 webapps (Tasklist, Cockpit, Admin, Welcome) that their locales/<lang>.json
 * files do not reach, put in the language angular-translate chose (es or en, see each app's scripts/config.js).
 * Loaded through config.js's requireJsConfig (deps + ngDeps), the supported way to add an AngularJS module.
 *
 * - Date pickers: AngularJS UI Bootstrap's uib-datepicker and uib-timepicker read month and day names, the first
 *   day of the week and AM/PM from AngularJS's $locale, which the webapps leave at en-us. For es they get the
 *   Spanish names (CLDR es-AR), the month title reads "diciembre de 2026", weeks start on Monday and
 *   times show in 24 hours; the pickers' "previous"/"next" (read by screen readers) become "anterior"/"siguiente".
 * - Tasklist's keyboard-shortcut help lists config.js's descriptions verbatim; for es they are replaced.
 * - Task forms: Tasklist renders Camunda Forms with form-js 1.8.7, which has no translations; its validation
 *   messages and select placeholders are fixed English strings. For es they are replaced in the page as form-js
 *   writes them (labels come from the form files, which are in Spanish), and its date pickers (flatpickr) get the
 *   Spanish month and day names. The date field keeps form-js's fixed order, month/day/year ("mm/dd/aaaa").
 * For en everything stays as Camunda ships it.
 */
define(['angular'], function (angular) {
  'use strict';

  var SPANISH_DATES = {
    MONTH: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
      'noviembre', 'diciembre'],
    STANDALONEMONTH: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
      'octubre', 'noviembre', 'diciembre'],
    SHORTMONTH: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'],
    DAY: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    SHORTDAY: ['dom.', 'lun.', 'mar.', 'mié.', 'jue.', 'vie.', 'sáb.'],
    AMPMS: ['a. m.', 'p. m.'],
    ERANAMES: ['antes de Cristo', 'después de Cristo'],
    ERAS: ['a. C.', 'd. C.'],
    FIRSTDAYOFWEEK: 0, // AngularJS counts from Monday = 0
    WEEKENDRANGE: [5, 6],
    fullDate: "EEEE, d 'de' MMMM 'de' y",
    longDate: "d 'de' MMMM 'de' y",
    medium: 'd MMM y HH:mm:ss',
    mediumDate: 'd MMM y',
    mediumTime: 'HH:mm:ss',
    short: 'd/M/yy HH:mm',
    shortDate: 'd/M/yy',
    shortTime: 'HH:mm'
  };

  /** UI Bootstrap's date picker templates and the English words they hold for screen readers. */
  var PICKER_TEMPLATES = ['uib/template/datepicker/day.html', 'uib/template/datepicker/month.html',
    'uib/template/datepicker/year.html'];
  var PICKER_WORDS = [[/>previous</g, '>anterior<'], [/>next</g, '>siguiente<']];

  var SPANISH_SHORTCUTS = {
    claimTask: 'toma la tarea elegida',
    focusFilter: 'lleva el foco al primer filtro de la lista',
    focusList: 'lleva el foco a la primera tarea de la lista',
    focusForm: 'lleva el foco al primer campo del formulario de la tarea',
    startProcess: 'abre el diálogo para iniciar un proceso'
  };

  /** form-js 1.8.7's fixed English strings (lib/deps.js) and their Spanish; $1 is the value form-js puts in. */
  var SPANISH_FORM_TEXTS = [
    [/^Field is required\.$/, 'Campo obligatorio.'],
    [/^Field must have minimum value of (.+)\.$/, 'El valor mínimo es $1.'],
    [/^Field must have maximum value of (.+)\.$/, 'El valor máximo es $1.'],
    [/^Field must have minimum length of (.+)\.$/, 'Tiene que tener al menos $1 caracteres.'],
    [/^Field must have maximum length of (.+)\.$/, 'Puede tener hasta $1 caracteres.'],
    [/^Field must match pattern (.+)\.$/, 'Tiene que seguir el patrón $1.'],
    [/^Field must be a valid {1,2}international phone number\. \(e\.g\. (.+)\)$/,
      'Tiene que ser un número de teléfono internacional válido (por ejemplo, $1).'],
    [/^Field must be a valid email\.$/, 'Tiene que ser una dirección de correo válida.'],
    [/^Value is expected to be an integer\.$/, 'Tiene que ser un número entero.'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Puede tener hasta $1 decimales.'],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
      'Elegí un valor válido; los dos más cercanos son $1 y $2.'],
    [/^Select$/, 'Elegí una opción'],
    [/^Search$/, 'Buscar'],
    [/^No results$/, 'Sin resultados'],
    [/^All values selected$/, 'Ya están elegidos todos los valores'],
    [/^mm\/dd\/yyyy$/, 'mm/dd/aaaa']
  ];

  /** Spanish for flatpickr, form-js's date picker (its locale format; the rest stays flatpickr's default). */
  var SPANISH_FLATPICKR = {
    weekdays: {
      shorthand: ['dom.', 'lun.', 'mar.', 'mié.', 'jue.', 'vie.', 'sáb.'],
      longhand: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado']
    },
    months: {
      shorthand: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'],
      longhand: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
        'noviembre', 'diciembre']
    },
    firstDayOfWeek: 1,
    ordinal: function () {
      return 'º';
    },
    rangeSeparator: ' a ',
    weekAbbreviation: 'Sem.',
    scrollTitle: 'Desplazá para aumentar',
    toggleTitle: 'Hacé clic para cambiar',
    yearAriaLabel: 'Año',
    monthAriaLabel: 'Mes',
    hourAriaLabel: 'Hora',
    minuteAriaLabel: 'Minuto',
    time_24hr: true
  };

  function translateFormText(text) {
    for (var i = 0; i < SPANISH_FORM_TEXTS.length; i++) {
      if (SPANISH_FORM_TEXTS[i][0].test(text)) {
        return text.replace(SPANISH_FORM_TEXTS[i][0], SPANISH_FORM_TEXTS[i][1]);
      }
    }
    return null;
  }

  /** Gives every form-js date picker (a flatpickr instance on the field) the Spanish names, once. */
  function localizeDatePickers() {
    var fields = document.querySelectorAll('.fjs-container input.flatpickr-input');
    for (var i = 0; i < fields.length; i++) {
      var picker = fields[i]._flatpickr;
      if (picker && picker.l10n && picker.l10n.months.longhand[0] !== 'enero') {
        picker.set('locale', SPANISH_FLATPICKR);
      }
    }
  }

  /** Replaces form-js's English texts and placeholders under root (an element or text node). */
  function translateForms(root) {
    var element = root.nodeType === 3 ? root.parentElement : root;
    if (!element || !element.closest || !(element.closest('.fjs-container') || element.querySelector('.fjs-container'))) {
      return;
    }
    if (root.nodeType === 3) {
      var spanish = translateFormText(root.data.trim());
      if (spanish !== null) {
        root.data = spanish;
      }
      return;
    }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var translated = translateFormText(node.data.trim());
      if (translated !== null) {
        node.data = translated;
      }
    }
    localizeDatePickers();
    var fields = root.querySelectorAll('.fjs-container input[placeholder]');
    for (var i = 0; i < fields.length; i++) {
      var placeholder = translateFormText(fields[i].getAttribute('placeholder'));
      if (placeholder !== null) {
        fields[i].setAttribute('placeholder', placeholder);
      }
    }
  }

  var observer = null;

  function watchForms(on) {
    if (on && !observer && window.MutationObserver) {
      observer = new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
          if (mutation.type === 'characterData') {
            translateForms(mutation.target);
          } else {
            for (var i = 0; i < mutation.addedNodes.length; i++) {
              var added = mutation.addedNodes[i];
              if (added.classList && added.classList.contains('flatpickr-calendar')) {
                localizeDatePickers(); // flatpickr adds its calendar to the body as it starts on a field
              } else {
                translateForms(added);
              }
            }
            if (mutation.type === 'attributes') {
              translateForms(mutation.target);
            }
          }
        });
      });
      observer.observe(document.body, {childList: true, subtree: true, characterData: true,
        attributes: true, attributeFilter: ['placeholder']});
      translateForms(document.body);
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
    }
  }

  return angular.module('cocrea.webappLocale', ['pascalprecht.translate'])
    .run(['$rootScope', '$locale', '$translate', '$injector', '$templateCache',
      function ($rootScope, $locale, $translate, $injector, $templateCache) {
      var english = angular.copy($locale.DATETIME_FORMATS);
      var timepicker = $injector.has('uibTimepickerConfig') ? $injector.get('uibTimepickerConfig') : null;
      var englishMeridian = timepicker ? timepicker.showMeridian : null;
      var datepicker = $injector.has('uibDatepickerConfig') ? $injector.get('uibDatepickerConfig') : null;
      var englishDayTitle = datepicker ? datepicker.formatDayTitle : null;
      var englishPickers = {};
      PICKER_TEMPLATES.forEach(function (name) {
        englishPickers[name] = $templateCache.get(name);
      });
      var shortcuts = window.camTasklistConf && window.camTasklistConf.shortcuts;
      var englishShortcuts = {};
      angular.forEach(shortcuts || {}, function (shortcut, name) {
        englishShortcuts[name] = shortcut.description;
      });

      function apply(language) {
        var spanish = language === 'es';
        angular.extend($locale.DATETIME_FORMATS, spanish ? SPANISH_DATES : english);
        $locale.id = spanish ? 'es-ar' : 'en-us';
        if (timepicker) {
          timepicker.showMeridian = spanish ? false : englishMeridian;
        }
        if (datepicker) {
          datepicker.formatDayTitle = spanish ? "MMMM 'de' yyyy" : englishDayTitle;
        }
        PICKER_TEMPLATES.forEach(function (name) {
          var template = englishPickers[name];
          if (typeof template === 'string') {
            $templateCache.put(name, spanish ? PICKER_WORDS.reduce(function (text, word) {
              return text.replace(word[0], word[1]);
            }, template) : template);
          }
        });
        angular.forEach(shortcuts || {}, function (shortcut, name) {
          shortcut.description = spanish && SPANISH_SHORTCUTS[name] ? SPANISH_SHORTCUTS[name] : englishShortcuts[name];
        });
        watchForms(spanish);
      }

      // Relative times ("hace 5 minutos" / "5 minutes ago") come from moment, whose global locale is whichever
      // locales/<lang>.json was loaded last: Camunda's loader defines each file's dateLocales, and moment makes the
      // locale it defines the global one. Another file may load after the one in use (a fallback, or a switch of
      // language and back), so after every load and change the language in use is put back (amMoment also refreshes
      // the times on the screen).
      function useMomentLocale() {
        var language = $translate.use();
        if (!language || !$injector.has('moment') || !$injector.has('amMoment')) {
          return;
        }
        if ($injector.get('moment').locale() !== language) {
          $injector.get('amMoment').changeLocale(language);
        }
      }

      $rootScope.$on('$translateLoadingSuccess', useMomentLocale);
      $rootScope.$on('$translateChangeEnd', useMomentLocale);
      $rootScope.$on('$translateChangeSuccess', function (event, data) {
        apply(data.language);
      });
      if ($translate.use()) {
        apply($translate.use());
      }
    }]);
});
