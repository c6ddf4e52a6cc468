// @ts-check

/**
 * Says, once per build, what a build without SITE_URL leaves out: no address is invented for it, so
 * canonical links are paths, and the Open Graph address and picture, the Twitter picture and the
 * sitemap (which need absolute addresses) are not written.
 * @param {string | undefined} site the SITE_URL the build was given, if any
 * @returns {import('astro').AstroIntegration}
 */
export function siteAddress(site) {
  return {
    name: 'site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (site) return;
        logger.warn(
          'SITE_URL is not set, so no absolute address is published: canonical links are paths, and og:url, og:image, twitter:image and the sitemap are left out. Set it to the origin the site will be served from, e.g. SITE_URL=https://course.example.edu npm run build.',
        );
      },
    },
  };
}
