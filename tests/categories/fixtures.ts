/**
 * The 30 projects of data/sources/, by jurisdiction, year and name, with the
 * category chosen by reading each table (name, goal, indicators), and the
 * start of the published goal. Kept independent of the importer.
 */
export interface Expected {
  code: string;
  jurisdiction: string;
  year: number;
  kind: 'target' | 'self-evaluation';
  name: string;
  goal: string;
  category: string;
  why?: string;
}

const YC = { code: '640100', jurisdiction: '银川市', year: 2026, kind: 'target' } as const;
const SZS = { code: '640200', jurisdiction: '石嘴山市', year: 2024, kind: 'target' } as const;
const PL = { code: '640221', jurisdiction: '平罗县', year: 2021, kind: 'target' } as const;
const SPT = { code: '640502', jurisdiction: '沙坡头区', year: 2025, kind: 'target' } as const;
const ZW = { code: '640500', jurisdiction: '中卫市', year: 2024, kind: 'self-evaluation' } as const;

export const EXPECTED: Expected[] = [
  // 000 银川市 2026 targets
  { ...YC, name: '银川12345热线2026年购买服务项目', goal: '本年度预算金额763万元。主要用于保障2026年全年银川12345热线延续运行', category: '热线服务' },
  { ...YC, name: '驻村工作队员工作经费', goal: '本项目预算经费4.08万元，主要用于驻村工作队员到基层开展全面乡村振兴', category: '驻村与乡村振兴' },
  {
    ...YC,
    name: '市政府督查室工作经费',
    goal: '本项目预算经费12万元，主要为宣传本年度确定的50项民生“十心”实事完成效果',
    category: '督查督办',
    why: 'the money goes to publicising the 十心 tasks, but it is the 督查室 budget; kept by name',
  },
  { ...YC, name: '市政府政务公开工作经费', goal: '本项目预算经费40万元，主要用于政府公报预算、小新媒体监测、政策多元化解读', category: '政务公开与政府公报' },
  { ...YC, name: '政府聘用人员', goal: '本项目预算经费77.88万元,为充分调动聘用人员工作积极性', category: '人员经费' },
  { ...YC, name: '银川市电子政务信息化运维项目保障', goal: '本项目预算经费1028万元为保障银川市电子政务外网、政府网站、协同办公平台、视频会议系统安全平稳运行', category: '电子政务与网络' },
  { ...YC, name: '工作经费', goal: '本项目预算经费160万元，工作经费主要用于市政府办公室日常工作保障', category: '综合工作经费' },
  // 001 石嘴山市 2024 targets
  { ...SZS, name: '重点工作专项督查组工作经费', goal: '主要用于市政府督查及督查保障工作', category: '督查督办' },
  { ...SZS, name: '石嘴山市人民政府网站群和政务新媒体平台动态监测费', goal: '本项目主要用于按照《国务院办公厅秘书局关于印发政府网站与政务新媒体检查指标', category: '政府网站与政务新媒体' },
  { ...SZS, name: '石嘴山市人民政府网运行维护及升级改造费', goal: '用于对“石嘴山市人民政府”网、“石嘴山政务发布”微博提供运维', category: '政府网站与政务新媒体' },
  { ...SZS, name: '异地交流任职和挂职领导工作经费', goal: '做好异地交流任职干部和挂职干部工作保障', category: '人员经费' },
  { ...SZS, name: '《石嘴山市政府公报》编印费', goal: '《石嘴山市人民政府公报》是我市政府信息法定内部资料性出版物', category: '政务公开与政府公报' },
  {
    ...SZS,
    name: '各项业务经费（含政府总值班室、保密档案管理、政策解读及日常工作经费）',
    goal: '市政府办负责市政府值班工作，及时报告重要情况',
    category: '综合工作经费',
    why: 'a bundle of duty, secrecy/archives, policy interpretation and daily costs',
  },
  { ...SZS, name: '自治区党政专用通信网二级网运行维护费', goal: '工作保障', category: '电子政务与网络' },
  // 002 平罗县 2021 targets
  { ...PL, name: '政务网络、政府办局域网运行维护费', goal: '政务网络、政府办局域网、网上信访信息系统及办公设备运行安全稳定', category: '电子政务与网络' },
  { ...PL, name: '会议费及公务活动费', goal: '保障县政府及县政府办承办各类会议并起草印刷各类会议材料', category: '综合工作经费' },
  { ...PL, name: '解决历史遗留及疑难信访问题资金', goal: '解决历史遗留及疑难信访问题', category: '信访维稳' },
  { ...PL, name: '全国、区、市“两会”及敏感时期信访维稳和进京赴银到市驻访维稳工作经费', goal: '解决全国、区、市“两会”及敏感时期信访维稳', category: '信访维稳' },
  { ...PL, name: '政府重点工作督察经费', goal: '完成年度县委、政府重点工作正常督察', category: '督查督办' },
  { ...PL, name: '政务公开工作经费', goal: '印制政府公报, 宣传政务公开资料册, 购置办公设备', category: '政务公开与政府公报' },
  { ...PL, name: '文印工作经费', goal: '购买打字印刷服务,保障县政府及县政府办全年上、下行文及平行文和相关材料印制高效运行', category: '综合工作经费' },
  { ...PL, name: '2020年度信访工作责任目标考核“以奖代补”资金', goal: '完成2020年度信访工作责任目标考核“以奖代补”任务', category: '信访维稳' },
  // 003 沙坡头区 2025 targets
  { ...SPT, name: '政府专项工作经费', goal: '目标1：负责区政府会议的准备工作', category: '综合工作经费' },
  {
    ...SPT,
    name: '督查及政务公开工作经费',
    goal: '目标1：督查室对沙坡头区各部门、乡镇重点工作进行督查',
    category: '政务公开与政府公报',
    why: 'of its 45万元 of cost indicators beyond travel, 40万元 is 政务公开 (training, gazette printing, website)',
  },
  { ...SPT, name: '沙坡头区电子政务外网建设及运行维护费', goal: '目标1：通过电子政务外网的建设，并对电子政务外网进行维护', category: '电子政务与网络' },
  { ...SPT, name: '2025年年鉴编纂工作经费', goal: '目标1：通过编撰2025年鉴', category: '年鉴与地方志' },
  // 004 中卫市 2024 self-evaluations
  { ...ZW, name: '政府专项工作经费', goal: '工作经费主要用于外出公务、印刷、办公耗材费用等支出', category: '综合工作经费' },
  { ...ZW, name: '《政府公报》创办费', goal: '统一刊登本级政府规章和规范性文件', category: '政务公开与政府公报' },
  { ...ZW, name: '行政中心互联网电路服务费', goal: '为行政中心办公大楼各部门(单位)提供互联网服务', category: '电子政务与网络' },
  { ...ZW, name: '政府网站和政务新媒体监测', goal: '做好政府网站技术平台建设维护、安全防护', category: '政府网站与政务新媒体' },
];
