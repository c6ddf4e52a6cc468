import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** One MDX file per section of the article, in `content/`. */
const sections = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content' }),
  schema: z.object({
    /** The article's numbering, e.g. "1.3"; also the reading order. */
    number: z.string().regex(/^\d+\.\d+$/),
    title: z.string(),
    description: z.string().min(20),
  }),
});

export const collections = { sections };
