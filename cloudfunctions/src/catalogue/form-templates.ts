// The two forms the applicant signs after acceptance (R6): the consent form (attachment 1, 一式两份) and the
// residence / business-premises commitment letter (attachment 3). These are the texts shipped as version 1;
// the admin publishes later versions, and a signed case keeps the version it signed.

export type FormKind = 'consent' | 'commitment';

export interface FormTemplate {
  kind: FormKind;
  version: number;
  /** May contain placeholders, like the paragraphs. */
  title: string;
  paragraphs: string[];
}

/** Everything a form may refer to with `{{name}}`. */
export const FORM_PLACEHOLDERS = [
  'officeName',
  'district',
  'companyName',
  'creditCode',
  'applicantName',
  'matterName',
  'premisesAddress',
  'caseNumber',
] as const;

export type FormPlaceholder = (typeof FORM_PLACEHOLDERS)[number];
export type FormValues = { [name in FormPlaceholder]: string };

/** What the applicant reads and signs. */
export interface FilledForm {
  kind: FormKind;
  version: number;
  title: string;
  paragraphs: string[];
}

/** Short name of each form, as lists and the facts block of the signed PDF show it. */
export const FORM_NAMES: Record<FormKind, string> = {
  consent: '远程视频踏勘同意书',
  commitment: '住所（经营场所）告知承诺书',
};

export const CONSENT_FORM_V1: FormTemplate = {
  kind: 'consent',
  version: 1,
  title: '{{officeName}}行政许可事项远程视频踏勘同意书',
  paragraphs: [
    '申请人{{applicantName}}代表{{companyName}}（统一社会信用代码：{{creditCode}}）向{{officeName}}申请办理“{{matterName}}”事项（案件编号：{{caseNumber}}），申请材料经审核符合正式受理条件。根据{{district}}行政许可事项远程视频踏勘有关规定，按照“自主选择、远程核查、在线反馈”的原则，申请人自愿选择以远程视频方式进行现场踏勘，并作如下确认和承诺：',
    '一、申请人同意以远程视频踏勘代替审批工作人员实地现场核查。远程视频踏勘由审批工作人员通过腾讯会议组织实施，申请人按约定时间接入，服从审批工作人员的指引，逐项完成核查内容。申请人知悉，视频画面不足以核实现场情况的，审批工作人员可以决定转为实地现场踏勘。',
    '二、申请人同意审批工作人员对远程视频踏勘全过程进行录像、截取现场图片，并同意上述录像、图片和现场核查记录与审批资料一并存档，用于行政许可审查和事中事后监管。',
    '三、申请人承诺在远程视频踏勘中如实、完整地展示申报的住所（经营场所）{{premisesAddress}}的实际情况以及相关设施、设备和资料，按要求展示实时画面和现场校验码；不使用预先录制的视频、非现场图片或者其他场所冒充，不遮挡、回避或者隐瞒实际情况。',
    '四、申请人同意并配合{{officeName}}及行业监管部门开展监督回访、抽查核验等事中事后监管工作，如实提供有关情况，不拒绝、阻碍或者拖延。',
    '五、申请人知悉，存在虚报地址、提交虚假资料、故意逃避或者隐瞒实际情况等视频踏勘造假行为的，{{officeName}}将按照问题影响程度进行失信评判，依法责令限期改正；情节严重的，依法撤销行政许可；失信行为记入诚信档案，列入失信黑名单，实行联合惩戒。由此产生的法律责任和后果由申请人自行承担。',
    '六、申请人已认真阅读并完全理解本同意书的全部内容，上述确认和承诺是申请人的真实意思表示。',
    '本同意书自申请人签字之日起生效，一式两份，申请人与{{officeName}}各执一份，具有同等效力。',
  ],
};

export const COMMITMENT_FORM_V1: FormTemplate = {
  kind: 'commitment',
  version: 1,
  title: '住所（经营场所）告知承诺书',
  paragraphs: [
    '{{officeName}}依据行政许可告知承诺有关规定，就{{companyName}}申请办理“{{matterName}}”事项（案件编号：{{caseNumber}}）所涉住所（经营场所）告知如下：申报的住所（经营场所）应当真实存在、权属清晰、使用合法，由申请人实际使用，并符合所申请事项的法律、法规、规章规定的条件和踏勘标准。审批机关依据申请人的承诺和远程视频踏勘结果作出审批决定，并在事中事后监管中对承诺内容进行核查。',
    '申请人{{applicantName}}代表{{companyName}}（统一社会信用代码：{{creditCode}}）已知悉上述告知内容，现郑重承诺如下：',
    '一、本单位申报的住所（经营场所）位于{{premisesAddress}}。该场所真实存在，本单位依法享有使用权，所提交的产权证明、租赁合同等证明材料真实、合法、有效。',
    '二、该场所由本单位实际使用，用途符合规划用途和有关规定，不存在虚报地址、借用或者冒用他人场所、以非实际使用场所申报等情形。',
    '三、该场所的面积、布局、设施设备以及卫生、安全等条件符合“{{matterName}}”事项的许可条件和踏勘标准；远程视频踏勘中展示的场所即为本承诺书申报的场所。',
    '四、本单位取得行政许可后将持续符合上述条件；住所（经营场所）发生变化的，依法及时办理变更手续，并主动配合监督回访和事中事后监管。',
    '五、如承诺不实，本单位自愿承担相应法律责任，接受{{officeName}}依法作出的责令限期改正、撤销行政许可等处理，同意将失信行为记入诚信档案、列入失信黑名单，并接受联合惩戒。',
    '本单位对上述承诺内容的真实性负责。本承诺书自申请人签字之日起生效，一式两份，申请人与{{officeName}}各执一份。',
  ],
};

/** The versions shipped with the product, one per kind. */
export const DEFAULT_FORM_TEMPLATES: readonly FormTemplate[] = [CONSENT_FORM_V1, COMMITMENT_FORM_V1];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersOf(template: FormTemplate): string[] {
  const text = [template.title, ...template.paragraphs].join('\n');
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]))];
}

/** A form cannot be signed with a blank where the applicant's or the case's facts belong. */
export class MissingFormValueError extends Error {
  constructor(readonly missing: string[]) {
    super(`表单缺少以下填写内容：${missing.join('、')}`);
    this.name = 'MissingFormValueError';
  }
}

/** Puts the values into the template; throws MissingFormValueError if any used placeholder is missing or blank. */
export function fillTemplate(template: FormTemplate, values: Readonly<Record<string, string | undefined>>): FilledForm {
  const valueOf = (name: string): string | undefined => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value?.trim() ? value.trim() : undefined;
  };
  const missing = placeholdersOf(template).filter((name) => valueOf(name) === undefined);
  if (missing.length > 0) throw new MissingFormValueError(missing);
  // One pass with a replacer: a value that happens to contain '{{…}}' is printed, not expanded.
  const fill = (text: string): string => text.replace(PLACEHOLDER, (_, name: string) => valueOf(name) as string);
  return {
    kind: template.kind,
    version: template.version,
    title: fill(template.title),
    paragraphs: template.paragraphs.map(fill),
  };
}
