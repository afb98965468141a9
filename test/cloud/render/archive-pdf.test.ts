import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { renderInspectionArchive } from '../../../cloudfunctions/src/render/archive-pdf';
import { loadChineseFont } from '../../../cloudfunctions/src/render/font';
import type { RenderedPdf } from '../../../cloudfunctions/src/render/pdf-flow';
import { archiveInput } from '../../support/archive-fixture';
import { misdrawnCharacters } from '../../support/pdf-fonts';
import { pdfText, squeeze } from '../../support/pdf-text';

const fontBytes = loadChineseFont();

describe('renderInspectionArchive', () => {
  const input = archiveInput();
  let archive: RenderedPdf;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    archive = await renderInspectionArchive(input, fontBytes);
    pages = pdfText(archive.bytes).split('\f');
    text = squeeze(pages.join(''));
  });

  it('states the case facts', () => {
    for (const fact of [
      '案件编号DL-20260612-0007',
      '事项名称二次供水单位卫生许可',
      '企业名称天津市东丽区清源二次供水服务有限公司',
      '统一社会信用代码91120110MA06XXXX1K',
      '经营场所天津市东丽区津塘公路十一经路口东丽湖科技园3号楼201室',
      '申请人张三',
      '经办人（首办负责人）李四',
      '观察员王五',
      '受理时间2026年06月12日09:30',
      '决定时间2026年06月15日10:45',
      '踏勘结论通过（符合踏勘条件）',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('lists every checklist item with its result and note', () => {
    expect(text).toContain('水箱间独立设置，门窗完好并上锁（WS-01）符合现场展示门锁及钥匙管理记录');
    expect(text).toContain('（WS-04）不适用采用外包专业清洗消毒服务');
    for (const item of input.checklist) expect(text).toContain(squeeze(item.title));
  });

  it('carries the signed opinion and the observer’s remarks', () => {
    expect(text).toContain(squeeze(input.opinion.text));
    expect(text).toContain('经办人（签字）：');
    expect(text).toContain('签署时间：2026年06月15日10:44');
    expect(text).toContain('王五（2026年06月15日10:40）：踏勘过程规范，现场校验码已截图留存。');
  });

  it('captions each picture with its time, place and source', () => {
    expect(text).toContain('图1（证据1）拍摄时间：2026年06月15日10:02');
    expect(text).toContain('来源：现场拍摄');
    expect(text).toContain('图3（证据3）上传时间：2026年06月15日10:15拍摄时间、地点无法核验来源：相册或聊天转发');
  });

  it('prints every evidence hash, the chain head and the signed forms’ hashes', () => {
    for (const item of input.evidence) expect(text).toContain(item.sha256);
    expect(text).toContain(`证据链末端哈希：${input.chainHead}`);
    expect(text).toContain('已标记作废：画面模糊，已由证据2替代');
    for (const form of input.signedForms) expect(text).toContain(form.sha256);
    expect(text).toContain('远程视频踏勘同意书（第1版）审批局存档联');
  });

  it('runs over several pages, each with the case number and its page number', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain('案件编号：DL-20260612-0007');
      expect(squeeze(page)).toContain(`第${i + 1}页共${pages.length}页`);
    });
  });

  it('embeds the pictures and the handler’s signature as images', async () => {
    const doc = await PDFDocument.load(archive.bytes);
    const images = doc.getPages().flatMap((page) => {
      const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      return xObjects ? xObjects.keys() : [];
    });
    expect(images).toHaveLength(input.pictures.length + 1);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderInspectionArchive(archiveInput(), fontBytes);
    expect(Buffer.from(again.bytes).equals(Buffer.from(archive.bytes))).toBe(true);
  });

  it('draws every character with the font’s own outline', async () => {
    expect(archive.unsupportedCharacters).toEqual([]);
    expect(await misdrawnCharacters(archive.bytes, fontBytes)).toEqual([]);
  });

  it('refuses a picture that is neither JPEG nor PNG', async () => {
    const heic = { ...input.pictures[0], bytes: new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]) };
    await expect(renderInspectionArchive({ ...input, pictures: [heic] }, fontBytes)).rejects.toThrow(
      '图片不是 PNG 或 JPEG 格式，无法打印',
    );
  });
});
