/**
 * html-validate configuration for the built site (e2e/build-sound.spec.ts runs
 * it on every page of the build). The recommended preset, with only the rules
 * that KaTeX's or Astro's output necessarily breaks relaxed, each as narrowly
 * as the rule allows. A module rather than .htmlvalidate.json so that every
 * exception can say why.
 */
export default {
  extends: ['html-validate:recommended'],
  elements: [
    'html5',
    {
      // Astro writes the rule that makes islands layout-neutral
      // (`astro-island{display:contents}`) as a <style> element just before the first
      // island, inside <body>. Browsers apply it; this only lets <style> stand in flow content.
      style: { flow: true },
    },
  ],
  rules: {
    // KaTeX positions every glyph with inline style attributes (build-time output, not ours).
    // Allow only the properties KaTeX uses for that; any other inline style is still an error.
    'no-inline-style': [
      'error',
      {
        allowedProperties: [
          'display',
          'height',
          'width',
          'min-width',
          'top',
          'bottom',
          'vertical-align',
          'margin-left',
          'margin-right',
          'padding-left',
          'border-bottom-width',
          'border-top-width',
          'border-right-width',
          // \boxed, which the mistake notes use to mark where a wrong formula parts from the right one.
          'border-style',
          'border-width',
        ],
      },
    ],
    // Astro's own markup omits the end of void elements (`<meta …>`) while Preact's server
    // renderer writes them self-closed (`<input … />`); both are valid HTML and neither
    // can be configured, so no single style can be required.
    'void-style': 'off',
    // No page has a <form>: fields are bound to the shared state, never submitted, and the DOM contract
    // names a field by its parameter. The one-page tutorial (/all/) shows a parameter's field in every
    // section that edits it, all bound to the same value, so one name appears several times by design.
    'form-dup-name': 'off',
    // A live number in prose (components/Q.astro) opens its explanation with Enter or a click, so it
    // is role="button"; it stays a <span> so that it flows, copies and prints as the text it is
    // (a <button> would not select with its sentence, and print hides controls). Every other role
    // that has a native element still has to use it.
    'prefer-native-element': ['error', { exclude: ['button'] }],
  },
};
