import { PILOT_MATTERS, R2_PILOT_NAMES } from '../../../cloudfunctions/src/catalogue/pilot-matters';

const pilots = PILOT_MATTERS.filter((m) => m.matter.remoteAllowed);
const onsiteOnly = PILOT_MATTERS.filter((m) => !m.matter.remoteAllowed);

describe('pilot matters seed (R2, R16)', () => {
  it('contains the four R2 pilot matters by their exact names, all remote-allowed', () => {
    const names = PILOT_MATTERS.map((m) => m.matter.name);
    for (const name of R2_PILOT_NAMES) expect(names.filter((n) => n === name)).toHaveLength(1);
    expect(R2_PILOT_NAMES).toEqual([
      '企业不定时和综合计算工时工作制许可',
      '职业病放射防护设施竣工验收',
      '二次供水单位卫生许可',
      '辐射安全许可',
    ]);
    expect(pilots.map((m) => m.matter.name).sort()).toEqual([...R2_PILOT_NAMES].sort());
  });

  it('has exactly one matter that is not remote-allowed, outside the R2 pilot', () => {
    expect(onsiteOnly).toHaveLength(1);
    expect(R2_PILOT_NAMES as readonly string[]).not.toContain(onsiteOnly[0].matter.name);
    expect(onsiteOnly[0].checklist.length).toBeGreaterThan(0);
  });

  it('gives each pilot matter 8–15 checklist items', () => {
    for (const { checklist } of pilots) {
      expect(checklist.length).toBeGreaterThanOrEqual(8);
      expect(checklist.length).toBeLessThanOrEqual(15);
    }
  });

  it('uses unique item codes within each checklist and non-empty texts', () => {
    for (const { checklist } of PILOT_MATTERS) {
      const codes = checklist.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const item of checklist) {
        expect(item.code.trim()).not.toBe('');
        expect(item.title.trim()).not.toBe('');
        expect(item.lookAt.trim()).not.toBe('');
        expect(item.conforming.trim()).not.toBe('');
      }
    }
  });

  it('uses unique matter codes and fills every catalogue field', () => {
    const codes = PILOT_MATTERS.map((m) => m.matter.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { matter } of PILOT_MATTERS) {
      expect(matter.code).toMatch(/^TJDL-[A-Z]+-\d{3}$/);
      expect(matter.sectionCode).toMatch(/^SEC-[A-Z]+$/);
      expect(matter.sectorCode).toMatch(/^REG-[A-Z]+$/);
      expect(matter.sectionName.trim()).not.toBe('');
      expect(matter.regulatorName.trim()).not.toBe('');
      expect(matter.checklistVersion).toBe(1);
      expect(matter.legalBasis.length).toBeGreaterThanOrEqual(2);
      expect(matter.legalBasis.length).toBeLessThanOrEqual(4);
      for (const basis of matter.legalBasis) expect(basis.trim()).not.toBe('');
    }
  });

  it('gives each pilot matter a preparation list of 6–10 lines', () => {
    for (const { matter } of pilots) {
      expect(matter.preparation.length).toBeGreaterThanOrEqual(6);
      expect(matter.preparation.length).toBeLessThanOrEqual(10);
      for (const line of matter.preparation) expect(line.trim()).not.toBe('');
    }
  });
});
