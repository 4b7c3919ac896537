import * as z from 'zod';
import { ComplaintRoutingSchema } from '../functions/core/after-sales/complaints';
import { StorePolicySchema } from '../functions/core/after-sales/policy';
import { SizeChartSchema } from '../functions/core/sizing/chart';

/**
 * The store configuration folder (docs/store-config.md): one zod schema per file. Products and FAQ entries
 * are strict, so a misspelt field ("sizechart") is an error rather than a silently ignored value.
 */
const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a tag such as en or pt-BR');

export const StoreFileSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    /** The language the catalogue and the FAQ entries of faq/<language>.json are written in. */
    language: LanguageTag,
    /** Languages the store answers in; every faq/<language>.json must be one of them. */
    languages: z.array(LanguageTag).min(1).max(50),
  })
  .strict()
  .refine((store) => store.languages.includes(store.language), {
    message: 'languages must include the store language',
    path: ['languages'],
  });
export type StoreFile = z.infer<typeof StoreFileSchema>;

export const ProductSchema = z
  .object({
    sku: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/,
        'sku must be 1-100 letters, digits, dots, dashes or slashes',
      ),
    name: z.string().min(1).max(300),
    category: z.string().min(1).max(100).optional(),
    description: z.string().max(5000).optional(),
    care: z.string().max(1000).optional(),
    materials: z.string().max(1000).optional(),
    warranty: z.string().max(1000).optional(),
    warrantyMonths: z.number().int().min(0).max(600).optional(),
    shipping: z.string().max(1000).optional(),
    shippingDays: z
      .union([
        z.number().int().min(0).max(365),
        z.tuple([z.number().int().min(0).max(365), z.number().int().min(0).max(365)]),
      ])
      .optional(),
    fees: z.string().max(1000).optional(),
    stock: z.number().int().min(0).optional(),
    price: z.number().nonnegative().optional(),
    /** Variant options as the shop names them, e.g. { "Size": "M", "Color": "Navy" }. */
    options: z.record(z.string().min(1).max(50), z.string().max(100)).optional(),
    sizeChart: SizeChartSchema.optional(),
  })
  .strict();
export type Product = z.infer<typeof ProductSchema>;

export const FaqFileEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id must be lower-case letters, digits or dashes'),
    answer: z.string().min(1).max(5000),
    question: z.string().min(1).max(500).optional(),
    title: z.string().min(1).max(200).optional(),
    topic: z.string().min(1).max(100).optional(),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type FaqFileEntry = z.infer<typeof FaqFileEntrySchema>;

/** An FAQ entry with its language, as imports and the store hold it. */
export const FaqEntrySchema = FaqFileEntrySchema.extend({ language: LanguageTag.optional() }).strict();
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

export const FILES = {
  store: 'store.json',
  policy: 'policy.json',
  complaints: 'complaints.json',
  products: 'products.json',
  faqFolder: 'faq',
} as const;

export const FileSchemas = {
  store: StoreFileSchema,
  policy: StorePolicySchema,
  complaints: ComplaintRoutingSchema,
  products: z.array(ProductSchema).max(100_000),
  faq: z.array(FaqFileEntrySchema).max(10_000),
};
