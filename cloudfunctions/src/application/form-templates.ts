import type { FormKind, FormTemplateView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { DEFAULT_FORM_TEMPLATES, FORM_NAMES, type FormTemplate, placeholdersOf } from '../catalogue/form-templates';
import type { Store, Stored } from '../ports/store';

/** One published version of a form's text in `formTemplates`; never changed once stored. */
export interface StoredFormTemplate extends FormTemplate {
  publishedAt: string;
  publishedBy: string;
}

export const formTemplateId = (kind: FormKind, version: number): string => `${kind}@${version}`;

const shipped = (kind: FormKind): FormTemplate => DEFAULT_FORM_TEMPLATES.find((t) => t.kind === kind)!;

const textOf = ({ kind, version, title, paragraphs }: FormTemplate): FormTemplate => ({ kind, version, title, paragraphs });

async function newestStored(store: Store, kind: FormKind): Promise<Stored<StoredFormTemplate> | undefined> {
  const [newest] = await store.find<StoredFormTemplate>('formTemplates', { where: { kind }, orderBy: [['version', 'desc']], limit: 1 });
  return newest;
}

/** The version in force: the newest published, or the text shipped with the product while none is stored. */
export async function currentFormTemplate(store: Store, kind: FormKind): Promise<FormTemplate> {
  const newest = await newestStored(store, kind);
  return newest ? textOf(newest) : shipped(kind);
}

/** The exact text a case signed. */
export async function signedFormTemplate(store: Store, kind: FormKind, version: number): Promise<FormTemplate> {
  const stored = await store.get<StoredFormTemplate>('formTemplates', formTemplateId(kind, version));
  if (stored) return textOf(stored);
  if (version === shipped(kind).version) return shipped(kind);
  throw new AppError('NOT_FOUND', '未找到该表单版本');
}

/**
 * Stores a version the first time it is signed or superseded, so that a later release of the product with a
 * reworded shipped text cannot change what a case signed. Insert-if-absent: the first stored text stays.
 */
export async function keepFormTemplate(ctx: ActionContext, template: FormTemplate): Promise<void> {
  const record: StoredFormTemplate = { ...textOf(template), publishedAt: ctx.now.toISOString(), publishedBy: ctx.caller.openid };
  await ctx.store.insert('formTemplates', formTemplateId(template.kind, template.version), record);
}

export async function toFormTemplateView(store: Store, template: FormTemplate): Promise<FormTemplateView> {
  const stored = await store.get<StoredFormTemplate>('formTemplates', formTemplateId(template.kind, template.version));
  return {
    ...textOf(template),
    name: FORM_NAMES[template.kind],
    placeholders: placeholdersOf(template),
    ...(stored ? { publishedAt: stored.publishedAt } : {}),
  };
}
