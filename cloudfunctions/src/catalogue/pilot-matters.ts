// Seed data for the matter catalogue (R2, R16): the four pilot matters named by 津丽政务〔2022〕7号, each with
// its inspection standard 踏勘标准 as checklist version 1 and the applicant's preparation list, plus one matter
// that is NOT remote-allowed (see the last entry) so that intake's refusal of remote inspection has real data.
//
// Sources. Legal bases cite only articles that were checked against published texts; where an article number
// could not be confirmed, the instrument is cited by name (or with the edition the number belongs to).
// Checklist items paraphrase the technical requirements of the cited standards (GB 17051-1997 第5章,
// GBZ 130-2020 第6章, GB 18871-2002, GB 5749-2022); an item's `conforming` text is what the officer records as
// met. When a cited standard is revised (e.g. a new edition of GB 17051), an admin publishes checklist version 2;
// cases accepted under version 1 keep it (SPEC "The matter catalogue").
//
// Issuing level of 辐射安全许可: under 《放射性同位素与射线装置安全和防护条例》第六条 licences are issued by the
// State Council's or the provincial-level eco-environment authority; a delegation of part of that power (e.g. users
// of Ⅲ类射线装置 only) to Tianjin's districts could not be confirmed from public sources. The pilot document lists
// the matter for this office, so the seed carries it as listed, with the district eco-environment bureau as the
// sector regulator that receives completed cases (R15).

import type { ChecklistItem } from '../../../typings/models';
import type { Matter } from '../domain/matter';

export interface SeedMatter {
  matter: Matter;
  checklist: ChecklistItem[];
}

/** Approving sections 审批科室 of the office (R9, R16). */
export const SECTIONS = {
  social: { code: 'SEC-SOCIAL', name: '社会事务审批科' },
  construction: { code: 'SEC-CONSTRUCT', name: '建设项目审批科' },
  market: { code: 'SEC-MARKET', name: '市场准入审批科' },
} as const;

/** Sector regulators 行业监管部门 that receive completed cases (R15). */
export const REGULATORS = {
  hrss: { code: 'REG-HRSS', name: '天津市东丽区人力资源和社会保障局' },
  health: { code: 'REG-HEALTH', name: '天津市东丽区卫生健康委员会' },
  ecology: { code: 'REG-ECO', name: '天津市东丽区生态环境局' },
  market: { code: 'REG-MARKET', name: '天津市东丽区市场监督管理局' },
} as const;

/** The four pilot matters of R2, by their exact names in the policy. */
export const R2_PILOT_NAMES = [
  '企业不定时和综合计算工时工作制许可',
  '职业病放射防护设施竣工验收',
  '二次供水单位卫生许可',
  '辐射安全许可',
] as const;

// ─── 1. 企业不定时和综合计算工时工作制许可 ────────────────────────────────────────────────────────────

const WORKING_HOURS: SeedMatter = {
  matter: {
    code: 'TJDL-LAB-001',
    name: '企业不定时和综合计算工时工作制许可',
    sectionCode: SECTIONS.social.code,
    sectionName: SECTIONS.social.name,
    sectorCode: REGULATORS.hrss.code,
    regulatorName: REGULATORS.hrss.name,
    legalBasis: [
      '《中华人民共和国劳动法》第三十九条、第四十四条',
      '《关于企业实行不定时工作制和综合计算工时工作制的审批办法》（劳部发〔1994〕503号）第四条、第五条、第六条',
      '《天津市特殊工时工作制行政许可管理办法》（天津市人力资源和社会保障局2023年4月29日印发）第四条、第五条',
      '《中华人民共和国劳动合同法》第四条',
    ],
    remoteAllowed: true,
    preparation: [
      '营业执照正本、申请书及申请岗位人员花名册原件放在镜头旁，随时出示。',
      '考勤系统提前登录，备好申请岗位人员近三个月的考勤记录和排班表，以便现场演示。',
      '申请岗位人员近三个月工资表（含加班工资明细）。',
      '休息休假台账：集中休息、轮休调休及带薪年休假安排记录。',
      '职工代表大会或全体职工讨论记录、意见汇总，以及工会（或职工代表）书面意见。',
      '工时制度公示材料：公告栏照片、员工手册相关页或内部系统公示页面。',
      '请申请岗位所在部门负责人及1～2名岗位职工在场，配合说明实际工作情况。',
      '手机电量充足、网络稳定；按“单位门牌→办公区→申请岗位作业现场→休息场所”的顺序行进拍摄。',
    ],
    checklistVersion: 1,
  },
  checklist: [
    {
      code: 'L01',
      title: '经营场所与申请主体一致',
      lookAt: '镜头依次对准单位门牌、悬挂的营业执照正本和办公场所全景。',
      conforming:
        '实际经营场所与申请书、营业执照登记地址及《住所（经营场所）告知承诺书》所载地址一致；企业名称标识清晰，处于正常生产经营状态。',
    },
    {
      code: 'L02',
      title: '申请岗位的实际工作情况',
      lookAt:
        '逐一走到申请实行特殊工时的岗位（如仓储装卸、运输调度、值班、外勤销售等），请岗位人员在镜头前简述日常工作内容和时间安排。',
      conforming:
        '岗位实际工作内容与申请书一致，确属因工作性质或生产特点无法按标准工作时间衡量、需连续作业或受季节和自然条件限制的情形，符合劳部发〔1994〕503号第四条或第五条及天津市办法第四条所列条件。',
    },
    {
      code: 'L03',
      title: '申请岗位人员花名册与劳动合同',
      lookAt: '出示申请岗位人员花名册，随机抽取2～3人，在镜头前翻到其劳动合同中约定工作时间的条款。',
      conforming:
        '花名册所列岗位、人数与申请表一致；抽查人员均与本单位建立劳动关系，劳动合同约定（或拟变更）的工时制度与申请一致。',
    },
    {
      code: 'L04',
      title: '考勤系统现场演示',
      lookAt: '现场操作打卡设备或考勤软件，调出申请岗位人员最近一个月的考勤明细。',
      conforming:
        '考勤系统运行正常，能逐人记录实际出勤和工作时长；记录连续完整、可导出，无长期漏记或集中事后补录的情况。',
    },
    {
      code: 'L05',
      title: '排班表与综合计算周期',
      lookAt: '出示综合计算工时岗位的排班（轮班）表及计算周期说明，现场抽一名职工按周期累计其排班时长。',
      conforming:
        '计算周期（周、月、季、半年或年）明确；周期内平均日工作时间和平均周工作时间与法定标准工作时间基本相同；每日工作时间不超过天津市办法第五条规定的上限（一般岗位不超过14小时，第三级以上体力劳动强度岗位从严）。',
    },
    {
      code: 'L06',
      title: '休息休假安排台账',
      lookAt: '出示集中休息、轮休调休记录和带薪年休假安排记录，与L05的排班表对照。',
      conforming:
        '采用集中工作、集中休息、轮休调休、弹性工作时间等方式保障休息休假权利（劳部发〔1994〕503号第六条）；台账与排班表能相互对应，周期内休息足额安排，年休假已落实。',
    },
    {
      code: 'L07',
      title: '延长工作时间工资支付',
      lookAt: '出示申请岗位人员近三个月工资表，指明延长工作时间工资栏目。',
      conforming:
        '综合计算周期内超过法定标准工作时间的部分按不低于工资的150%支付，法定休假日安排工作的按不低于工资的300%支付（《劳动法》第四十四条）；工资表有劳动者签收或银行代发记录。',
    },
    {
      code: 'L08',
      title: '劳动者意见征求记录',
      lookAt: '出示就实行特殊工时工作制召开职工代表大会或全体职工讨论的会议记录、签到表和意见汇总。',
      conforming:
        '工时方案经职工代表大会或者全体职工讨论，提出方案和意见（《劳动合同法》第四条）；记录有日期、参会人员签字，职工意见已汇总并有处理回应。',
    },
    {
      code: 'L09',
      title: '工会或职工代表意见',
      lookAt: '出示工会（未建工会的为职工代表）出具的书面意见及平等协商记录。',
      conforming:
        '已与工会或者职工代表平等协商；书面意见加盖工会印章或由推选产生的职工代表签字，意见为同意或所提问题已在方案中解决。',
    },
    {
      code: 'L10',
      title: '工时制度公示',
      lookAt: '镜头对准公告栏、员工手册或内部办公系统中的工时制度公示内容。',
      conforming: '特殊工时方案（适用岗位、计算周期、休息方式）已向劳动者公示或告知，公示内容与申请一致。',
    },
    {
      code: 'L11',
      title: '劳动保护与健康保障措施',
      lookAt: '拍摄倒班、值班人员使用的休息场所，询问并出示连续作业岗位的健康检查或劳动保护安排。',
      conforming:
        '设有供倒班、值班人员使用的休息场所；接触职业病危害因素的岗位有上岗前和在岗期间职业健康检查安排，体现“在保障职工身体健康的基础上”实行特殊工时的要求。',
    },
    {
      code: 'L12',
      title: '女职工特殊保护',
      lookAt: '在花名册中指出申请岗位的女职工，询问孕期、哺乳期女职工的岗位与班次安排。',
      conforming:
        '未安排怀孕七个月以上的女职工和哺乳未满一周岁婴儿的女职工延长工作时间或夜班劳动（《劳动法》第六十一条、第六十三条）。',
    },
  ],
};

// ─── 2. 职业病放射防护设施竣工验收 ───────────────────────────────────────────────────────────────────
// Typical district-level case: a clinic or hospital's new X-ray diagnostic room (DR, CT, dental).

const RADIATION_PROTECTION_ACCEPTANCE: SeedMatter = {
  matter: {
    code: 'TJDL-HEA-001',
    name: '职业病放射防护设施竣工验收',
    sectionCode: SECTIONS.social.code,
    sectionName: SECTIONS.social.name,
    sectorCode: REGULATORS.health.code,
    regulatorName: REGULATORS.health.name,
    legalBasis: [
      '《中华人民共和国职业病防治法》第十八条',
      '《放射诊疗管理规定》（卫生部令第46号）第十三条',
      '《放射工作人员职业健康管理办法》（卫生部令第55号）第六条、第十一条',
      'GBZ 130-2020《放射诊断放射防护要求》第6章',
    ],
    remoteAllowed: true,
    preparation: [
      '职业病危害放射防护预评价审核意见、控制效果评价报告原件，结论页和检测数据页提前贴好标签。',
      '机房平面布局图及屏蔽施工资料（防护材料合格证、铅当量检测证明）。',
      'X射线设备合格证、验收检测报告，设备铭牌确保可拍清。',
      '放射工作人员名单、职业健康检查报告、培训考核合格证明、个人剂量监测协议及最近一期报告。',
      '全部个人防护用品集中摆放在机房内，便于逐件展示铅当量标签。',
      '备一把卷尺，用于现场测量机房长、宽。',
      '安排一名设备操作人员在控制室配合演示指示灯和门灯联锁；演示时机房内不得有人，不得对人曝光。',
      '拍摄路线：候诊区→机房门外→机房内部→控制室→防护用品存放处。',
    ],
    checklistVersion: 1,
  },
  checklist: [
    {
      code: 'F01',
      title: '机房位置与布局',
      lookAt: '从机房外走廊开始环拍，展示机房与相邻房间、候诊区、控制室的相对位置，并口头说明楼上、楼下房间用途。',
      conforming:
        '机房位置、布局与经审核的预评价报告和控制效果评价报告一致；每台X射线设备设有单独机房；候诊区位于机房外。',
    },
    {
      code: 'F02',
      title: '机房面积与单边长度',
      lookAt: '在机房内用卷尺现场测量长、宽，镜头对准读数；再对准设备铭牌。',
      conforming:
        '机房最小有效使用面积和最小单边长度符合GBZ 130-2020（如CT机房不小于30 m²、最小单边长度不小于4.5 m；单管头X射线设备机房不小于20 m²、3.5 m）；设备型号与申报一致。',
    },
    {
      code: 'F03',
      title: '墙体、顶棚与地板屏蔽',
      lookAt: '展示墙体、顶棚、管线口的防护施工情况，并翻拍施工资料中的屏蔽材料与厚度。',
      conforming:
        '屏蔽材料与厚度与控制效果评价报告所列一致，满足GBZ 130-2020的铅当量要求；管线口已做防护处理，无可见裂缝、开孔。',
    },
    {
      code: 'F04',
      title: '防护门与观察窗',
      lookAt: '近距离拍摄防护门、观察窗的铅当量标识或合格证明；开关防护门，展示门与墙体的搭接处。',
      conforming:
        '门、窗的防护厚度不低于所在墙体要求；门与墙体搭接严密、无明显缝隙；观察窗（或摄像监控装置）能观察到受检者状态及防护门开闭情况。',
    },
    {
      code: 'F05',
      title: '电离辐射警告标志与工作状态指示灯',
      lookAt: '拍摄机房门外及候诊区；请操作人员使设备进入曝光准备状态，拍摄门上方指示灯亮灯。',
      conforming:
        '机房门外有电离辐射警告标志；门上方有醒目的工作状态指示灯，灯箱上有“射线有害、灯亮勿入”等警示语句；候诊区设有放射防护注意事项告知栏。',
    },
    {
      code: 'F06',
      title: '门灯联锁与闭门装置',
      lookAt: '演示平开门自动闭合，或推拉门在曝光时关闭的联锁或管理措施；演示开门、关门时指示灯的状态变化。',
      conforming:
        '平开机房门有自动闭门装置；推拉式机房门有曝光时关闭机房门的管理措施；工作状态指示灯与机房门有效关联。',
    },
    {
      code: 'F07',
      title: '通风与机房内环境',
      lookAt: '开启机房内动力通风装置，镜头对准排风口；环拍机房内部。',
      conforming: '动力通风装置运行正常，通风良好；机房内未堆放与诊断工作无关的杂物。',
    },
    {
      code: 'F08',
      title: '个人防护用品与辅助防护设施',
      lookAt: '逐件展示铅橡胶围裙、铅橡胶颈套、铅防护眼镜、铅橡胶帽子、移动铅防护屏风等及其铅当量标签。',
      conforming:
        '工作人员、受检者和陪检者防护用品的种类和数量满足GBZ 130-2020对该类设备的配置要求；铅当量标识清晰，无破损、折裂；配有适合儿童受检者的防护用品。',
    },
    {
      code: 'F09',
      title: '职业病危害控制效果评价报告',
      lookAt: '逐页翻拍控制效果评价报告的结论页、机房外关注点检测数据页及技术服务机构资质页。',
      conforming:
        '报告由具备资质的放射卫生技术服务机构出具；检测点位覆盖门、窗、墙体、管线口及楼上楼下；机房外周围剂量当量率符合GBZ 130-2020的控制目标值；结论为合格，或所提整改意见已落实并有复测记录。',
    },
    {
      code: 'F10',
      title: '设备验收检测',
      lookAt: '出示X射线设备验收检测报告及设备合格证，与设备铭牌对照。',
      conforming: '设备已由具备资质的机构进行验收检测且结论合格；铭牌信息与检测报告、申报材料一致。',
    },
    {
      code: 'F11',
      title: '个人剂量监测',
      lookAt: '请放射工作人员出镜展示个人剂量计的佩戴位置；出示个人剂量监测委托协议和最近一期监测报告。',
      conforming:
        '每名放射工作人员均配备个人剂量计，佩戴于左胸前，穿铅围裙时佩戴在围裙内侧；外照射个人剂量监测周期一般为30天、最长不超过90天；已建立个人剂量监测档案（《放射工作人员职业健康管理办法》第十一条）。',
    },
    {
      code: 'F12',
      title: '放射工作人员健康检查与培训',
      lookAt: '出示放射工作人员名单、上岗前职业健康检查报告、放射防护培训考核合格证明，人员本人出镜核对。',
      conforming:
        '名单与实际操作人员一致；均经上岗前职业健康检查且结论为可以从事放射工作；均经放射防护和有关法律知识培训考核合格（《放射工作人员职业健康管理办法》第六条）。',
    },
    {
      code: 'F13',
      title: '放射防护管理制度与应急预案',
      lookAt: '拍摄控制室或机房外张贴的操作规程、放射防护管理制度；出示放射防护管理组织文件和放射事件应急处理预案。',
      conforming:
        '设有放射防护管理组织或配备专（兼）职管理人员；操作规程、防护与安全管理制度、质量保证方案、应急预案齐全并与所开展项目相符；操作规程张贴于控制室醒目处。',
    },
  ],
};

// ─── 3. 二次供水单位卫生许可 ─────────────────────────────────────────────────────────────────────────

const SECONDARY_WATER_SUPPLY: SeedMatter = {
  matter: {
    code: 'TJDL-HEA-002',
    name: '二次供水单位卫生许可',
    sectionCode: SECTIONS.social.code,
    sectionName: SECTIONS.social.name,
    sectorCode: REGULATORS.health.code,
    regulatorName: REGULATORS.health.name,
    legalBasis: [
      '《中华人民共和国传染病防治法》关于饮用水供水单位应当依法取得卫生许可证的规定（2013年修正文本第二十九条）',
      '《生活饮用水卫生监督管理办法》（建设部、卫生部令第53号，2016年修订）第二条、第四条',
      'GB 17051-1997《二次供水设施卫生规范》第5章',
      'GB 5749-2022《生活饮用水卫生标准》',
    ],
    remoteAllowed: true,
    preparation: [
      '营业执照、卫生许可申请书及二次供水设施平面示意图。',
      '水箱、消毒设备、内壁涂料等涉及饮用水卫生安全产品的卫生许可批件复印件。',
      '最近一次水质检测报告原件及检测机构资质证明。',
      '近一年水箱清洗消毒记录及清洗单位资质、日常巡检记录和消毒设备运行记录。',
      '全部直接从事供、管水人员的健康证明和卫生知识培训合格证明，人员本人到场。',
      '饮用水卫生管理制度和水污染应急预案，已上墙的确认能拍清。',
      '提前打开水箱间照明，备好入孔锁钥匙和登顶用的安全梯，登高时注意安全。',
      '配有余氯比色计或浊度仪的，提前备好试剂，便于现场取样检测。',
      '拍摄路线：水箱间外部环境→水箱间内部→水箱顶部入孔与通气管→溢流管、泄水管→消毒设备→管理办公室。',
    ],
    checklistVersion: 1,
  },
  checklist: [
    {
      code: 'W01',
      title: '水箱（泵）间门锁与室内卫生',
      lookAt: '从水箱间外开始拍摄，先展示门锁处于锁闭状态，再开锁进入并环拍室内。',
      conforming: '水箱间上锁、专人管理；室内清洁，无杂物、无积水，不存放与供水无关的物品，排水条件良好。',
    },
    {
      code: 'W02',
      title: '与污染源的距离',
      lookAt: '在水箱间（蓄水池）外环拍四周；进入室内后展示水箱四周及上方经过的管线。',
      conforming:
        '蓄水池周围10 m以内无渗水坑、堆放的垃圾等污染源；水箱周围2 m以内无污水管线及污染物（GB 17051-1997第5.5条）。',
    },
    {
      code: 'W03',
      title: '水箱材质与专用',
      lookAt: '近距离拍摄水箱铭牌和材质，出示水箱及内壁涂料的涉水产品卫生许可批件；环拍箱体外表。',
      conforming:
        '水箱为饮用水专用，材质和内壁涂料无毒无害、不影响水的感官性状，并有涉及饮用水卫生安全产品卫生许可批件；箱体无渗漏、无锈蚀；安装在有排水条件的底盘上。',
    },
    {
      code: 'W04',
      title: '入孔加盖加锁',
      lookAt: '登梯拍摄水箱顶部入孔，展示盖板和锁具并现场开锁；拍摄水箱顶部与屋顶的间距。',
      conforming:
        '入孔或水箱入口有盖（或门），高出水箱面5 cm以上并有上锁装置；建筑物内水箱顶部与屋顶距离大于80 cm；水箱内外设有爬梯（GB 17051-1997第5.1条）。',
    },
    {
      code: 'W05',
      title: '通气管、溢流管与泄水管',
      lookAt: '逐一拍摄通气管口、溢流管出口和泄水管，近距离展示管口防护网罩及与排水管道的连接处。',
      conforming:
        '通气管有防护罩，通气管、溢流管管口设防虫网罩且完好；泄水管设在水箱底部；溢流管、泄水管均不与下水管道直接连通，出口有空气隔断（GB 17051-1997第5.1条）。',
    },
    {
      code: 'W06',
      title: '管道连接与防止回流污染',
      lookAt: '拍摄进水管与市政供水管道的连接方式、倒流防止设施，以及出水管道走向。',
      conforming:
        '设施不与市政供水管道直接连通（确需连通的设置不承压水箱）；不与非饮用水管道连接；管道、阀门无跑冒滴漏（GB 17051-1997第5.2条）。',
    },
    {
      code: 'W07',
      title: '消毒设备运行',
      lookAt: '拍摄消毒设备（紫外线、臭氧、二氧化氯或次氯酸钠发生器等）的铭牌、运行指示灯或面板读数，出示其卫生许可批件和运行维护记录。',
      conforming:
        '设有消毒设备且处于正常运行状态；设备有涉及饮用水卫生安全产品卫生许可批件；运行及维护记录连续完整（GB 17051-1997第5.3条、第5.4条）。',
    },
    {
      code: 'W08',
      title: '最近一次水质检测报告',
      lookAt: '翻拍最近一次水质检测报告的封面、采样信息页、检测项目与结果页、结论页及检测机构资质标志。',
      conforming:
        '报告由具备资质的检测机构出具，采样时间在一年以内，采样点包括水箱出水或用户末梢水；检测项目至少包括色度、浑浊度、臭和味、肉眼可见物、pH、总大肠菌群、菌落总数和消毒剂余量，结果均符合GB 5749-2022。',
    },
    {
      code: 'W09',
      title: '现场快速检测',
      lookAt: '配有检测仪器的，请管水人员在镜头前从水箱出水口取样，用余氯比色计或浊度仪检测，读数对准镜头。',
      conforming:
        '读数符合GB 5749-2022（如浑浊度不大于1 NTU，末梢水游离氯余量不低于0.05 mg/L）；未配备仪器的，本项以W08的检测报告为准。',
    },
    {
      code: 'W10',
      title: '清洗消毒记录',
      lookAt: '出示近一年的水箱清洗消毒记录、清洗消毒单位资质及清洗后水质检测报告。',
      conforming:
        '每年至少全面清洗、消毒一次，记录载明日期、实施单位和人员签字；清洗消毒单位具备相应资质或由本单位经培训合格的人员实施；清洗后水质检测合格方恢复供水。',
    },
    {
      code: 'W11',
      title: '供、管水人员健康证明与培训',
      lookAt: '出示全部直接从事供、管水人员名单，人员本人出镜手持健康证明和卫生知识培训合格证明。',
      conforming:
        '每人持有效健康合格证明（每年体检一次）和卫生知识培训合格证明；无患有痢疾、伤寒、病毒性肝炎、活动性肺结核、化脓性或渗出性皮肤病等有碍饮用水卫生疾病的人员直接从事供、管水工作。',
    },
    {
      code: 'W12',
      title: '卫生管理制度与专人管理',
      lookAt: '拍摄水箱间或管理办公室张贴的制度，出示卫生管理人员任命文件。',
      conforming:
        '饮用水卫生管理制度、岗位责任制、清洗消毒制度、水质检测制度等齐全并上墙；配备专职或兼职卫生管理人员。',
    },
    {
      code: 'W13',
      title: '日常巡检与水污染应急',
      lookAt: '出示日常巡检记录和水污染事故应急预案。',
      conforming:
        '有对水箱、锁具、消毒设备的日常巡检记录，频次与制度一致；应急预案明确发现水质污染时立即停止供水、采取措施并向卫生健康部门报告的程序和联系电话。',
    },
  ],
};

// ─── 4. 辐射安全许可 ──────────────────────────────────────────────────────────────────────────────
// Typical case: a unit using 射线装置 (medical or industrial X-ray, e.g. 探伤室, 安检机); items on sources apply
// only to units that also hold 放射源.

const RADIATION_SAFETY_LICENCE: SeedMatter = {
  matter: {
    code: 'TJDL-ENV-001',
    name: '辐射安全许可',
    sectionCode: SECTIONS.construction.code,
    sectionName: SECTIONS.construction.name,
    sectorCode: REGULATORS.ecology.code,
    regulatorName: REGULATORS.ecology.name,
    legalBasis: [
      '《中华人民共和国放射性污染防治法》第二十八条、第二十九条',
      '《放射性同位素与射线装置安全和防护条例》（国务院令第449号，2019年修订）第五条、第七条',
      '《放射性同位素与射线装置安全许可管理办法》（国家环境保护总局令第31号公布，2021年修订）第十六条',
      'GB 18871-2002《电离辐射防护与辐射源安全基本标准》',
    ],
    remoteAllowed: true,
    preparation: [
      '营业执照（或事业单位法人证书）、辐射安全许可证申请表、经批准或备案的环境影响评价文件。',
      '辐射安全与环境保护管理机构成立文件或负责人任命文件及其学历证明。',
      '辐射工作人员名单、培训考核合格证明和个人剂量监测报告；人员本人到场并佩戴个人剂量计。',
      '便携式辐射监测仪器及检定或校准证书，开机待用。',
      '操作规程、岗位职责、辐射防护和安全保卫制度、辐射事故应急预案及演练记录。',
      '射线装置（含源设备）合格证，铭牌确保可拍清；涉源单位备好源库钥匙和放射源台账。',
      '安排操作人员在控制台配合演示指示灯、门机联锁和急停；演示前确认机房内无人。',
      '拍摄路线：场所外部及警示标识→防护门→机房（探伤室）内部→控制台→源库（如有）→制度上墙处。',
    ],
    checklistVersion: 1,
  },
  checklist: [
    {
      code: 'R01',
      title: '场所与装置同申报一致',
      lookAt: '环拍辐射工作场所，镜头对准每台射线装置（或含源设备）的铭牌。',
      conforming:
        '场所位置、射线装置名称型号、类别和数量（涉源的为核素、活度）与申请表及环境影响评价文件一致；未超出申请的活动种类和范围。',
    },
    {
      code: 'R02',
      title: '分区管理与警示标识',
      lookAt: '拍摄控制区、监督区的边界标识和出入口，以及设备表面、工作场所门口的警示标志。',
      conforming:
        '按GB 18871-2002划分控制区和监督区并有明显标识；工作场所出入口、射线装置及放射源容器设有电离辐射警告标志和中文警示说明。',
    },
    {
      code: 'R03',
      title: '工作状态指示灯',
      lookAt: '在确认机房内无人后由操作人员开机出束（或进入出束准备状态），同步拍摄门外或设备上的工作状态指示灯。',
      conforming: '工作状态指示灯位置醒目，随出束状态正确亮灭。',
    },
    {
      code: 'R04',
      title: '门机联锁',
      lookAt: '在出束状态下由操作人员打开防护门（或按联锁逻辑演示），同步拍摄控制台显示或出束指示。',
      conforming:
        '防护门打开时不能出束或立即停止出束；门关闭后须在控制台重新启动方可出束；联锁装置未被短接或旁路。',
    },
    {
      code: 'R05',
      title: '紧急停机与钥匙控制',
      lookAt: '展示控制台和机房（探伤室）内的急停按钮、控制台钥匙开关，并演示按下急停。',
      conforming: '急停按钮位置醒目、便于触及，按下后立即停止出束；控制台设钥匙开关，钥匙由专人保管。',
    },
    {
      code: 'R06',
      title: '屏蔽防护',
      lookAt: '展示屏蔽墙体、防护门、观察窗或设备自屏蔽外壳，翻拍环评文件或监测报告中的屏蔽参数和周围剂量当量率检测数据。',
      conforming:
        '屏蔽结构与环评文件一致，无破损、开孔；监测报告显示工作场所外周围剂量当量率及人员受照剂量满足环评文件确定的剂量约束值和GB 18871-2002的要求。',
    },
    {
      code: 'R07',
      title: '辐射监测仪器',
      lookAt: '展示便携式X-γ剂量率仪（使用非密封放射性物质的还应展示表面污染监测仪）及其检定或校准证书，现场开机读数。',
      conforming:
        '配备与辐射类型和辐射水平相适应的监测仪器，开机正常，检定或校准证书在有效期内；有日常自行监测记录。',
    },
    {
      code: 'R08',
      title: '个人剂量计与个人剂量报警仪',
      lookAt: '请辐射工作人员出镜展示佩戴的个人剂量计（工业探伤等场所还有个人剂量报警仪），出示最近一期个人剂量监测报告。',
      conforming:
        '每名辐射工作人员均配备个人剂量计并按不超过90天的周期送检；需要配备个人剂量报警仪的作业已配齐并能正常报警；已建立个人剂量档案。',
    },
    {
      code: 'R09',
      title: '辐射工作人员培训考核',
      lookAt: '出示辐射工作人员名单和辐射安全与防护考核合格证明（或本单位自行组织考核的记录），人员本人出镜核对。',
      conforming:
        '从事辐射工作的人员均通过辐射安全和防护专业知识及相关法律法规的培训和考核，且在有效期内；仅使用Ⅲ类射线装置的，有按生态环境部规定由本单位自行组织考核的记录。',
    },
    {
      code: 'R10',
      title: '辐射安全管理机构与负责人',
      lookAt: '出示成立辐射安全与环境保护管理机构的文件或负责人任命文件，以及负责人的学历证明。',
      conforming:
        '使用Ⅰ类、Ⅱ类、Ⅲ类放射源或Ⅰ类、Ⅱ类射线装置的，设有专门机构或至少1名本科以上学历技术人员专职负责；其他单位至少有1名大专以上学历技术人员专职或兼职负责（《放射性同位素与射线装置安全许可管理办法》第十六条）。',
    },
    {
      code: 'R11',
      title: '管理制度与操作规程',
      lookAt: '拍摄工作场所张贴的操作规程和岗位职责，出示辐射防护和安全保卫、设备检修维护、使用登记、人员培训计划、监测方案等文本。',
      conforming: '各项制度齐全并与实际开展的活动相符；操作规程张贴在控制台或工作场所醒目处。',
    },
    {
      code: 'R12',
      title: '辐射事故应急预案',
      lookAt: '出示辐射事故应急预案和最近一次应急演练记录。',
      conforming:
        '预案明确应急组织、报告程序（向生态环境、公安、卫生健康部门报告）、处置措施和联系电话；有演练记录。',
    },
    {
      code: 'R13',
      title: '放射源贮存与台账（涉源单位）',
      lookAt: '涉及放射源的，展示源库或贮源保险柜、双人双锁、视频监控或报警装置，以及放射源台账。',
      conforming:
        '放射源单独存放于满足辐射防护和实体保卫要求的暂存库或设备中，不与易燃、易爆、腐蚀性物品同存；双人双锁、专人保管；台账载明核素、活度、编码、出厂时间及来源去向，账物相符。不涉及放射源的单位本项记为“不适用”。',
    },
  ],
};

// ─── 5. NOT part of R2's pilot: a matter that still requires on-site inspection ───────────────────────
// 食品生产许可 is kept on-site: the 现场核查 is done by at least two inspectors scoring the premises against
// 《食品生产许可审查通则》 while production runs, which a phone camera does not reproduce. It is here so that
// intake refuses the remote choice for it (SPEC "Intake", R1, R16) with the reason shown.

const FOOD_PRODUCTION_ONSITE: SeedMatter = {
  matter: {
    code: 'TJDL-MKT-001',
    name: '食品生产许可',
    sectionCode: SECTIONS.market.code,
    sectionName: SECTIONS.market.name,
    sectorCode: REGULATORS.market.code,
    regulatorName: REGULATORS.market.name,
    legalBasis: [
      '《中华人民共和国食品安全法》第三十五条',
      '《食品生产许可管理办法》（国家市场监督管理总局令第24号）',
    ],
    remoteAllowed: false,
    preparation: [
      '厂区平面图、车间布局图、工艺流程图和设备布局图。',
      '生产设备、检验设备清单及检验设备检定或校准证书。',
      '食品安全管理制度文本，食品安全管理人员和专业技术人员名单。',
      '核查当日安排生产或具备试生产条件，相关人员在岗，配合核查人员现场核查。',
    ],
    checklistVersion: 1,
  },
  checklist: [
    {
      code: 'S01',
      title: '厂区环境与污染源',
      lookAt: '核查厂区周边及厂区内环境、与污染源的距离。',
      conforming: '厂区整洁，无扬尘、积水；与有毒有害场所及其他污染源保持规定距离。',
    },
    {
      code: 'S02',
      title: '车间布局与工艺流程',
      lookAt: '沿工艺流程走查生产车间，核对人流、物流走向和作业区划分。',
      conforming: '布局与申报图纸一致；人流、物流分开，清洁作业区与一般作业区有效分隔，无交叉污染。',
    },
    {
      code: 'S03',
      title: '卫生设施',
      lookAt: '核查更衣、洗手、消毒、防鼠防蝇防虫设施。',
      conforming: '设施齐全、位置合理、运行有效。',
    },
    {
      code: 'S04',
      title: '生产设备与检验能力',
      lookAt: '对照设备清单核查生产设备、检验室和检验设备。',
      conforming: '设备与清单一致并与生产能力相适应；具备出厂检验能力，检验设备检定或校准在有效期内。',
    },
  ],
};

/** The catalogue seed: the four pilot matters of R2 first, then the on-site-only matter. */
export const PILOT_MATTERS: SeedMatter[] = [
  WORKING_HOURS,
  RADIATION_PROTECTION_ACCEPTANCE,
  SECONDARY_WATER_SUPPLY,
  RADIATION_SAFETY_LICENCE,
  FOOD_PRODUCTION_ONSITE,
];
