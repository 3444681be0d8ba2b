/**
 * Categories of work (工作类别) for the projects of general offices
 * (人民政府办公室), and the ordered rules that assign them.
 *
 * The first rule that matches wins. Name rules come before goal rules: the
 * project name says what the money is for; a goal paragraph mentions many
 * things and is only consulted when the name says nothing we recognise.
 * Text is compared with all whitespace removed (PDF extraction splits words).
 * See docs/categories.md for the reasoning behind each rule and its order.
 */

export interface Category {
  /** Display name, also the value stored in `category.name`. */
  name: string;
  /** URL-friendly id. */
  slug: string;
  /** What belongs here. */
  description: string;
}

export const CATEGORIES: readonly Category[] = [
  {
    name: '政务公开与政府公报',
    slug: 'open-government',
    description:
      '政务公开 work and the government gazette (政府公报): printing, posting and e-book editions of the gazette, policy interpretation (政策解读) products, open-government training and publicity.',
  },
  {
    name: '政府网站与政务新媒体',
    slug: 'websites',
    description:
      'Government websites (政府网站) and government new-media accounts (政务新媒体): running, redesign, content maintenance, and the monitoring/inspection service required by the State Council website rules.',
  },
  {
    name: '电子政务与网络',
    slug: 'e-government',
    description:
      'Networks and IT infrastructure: 电子政务外网/内网 lines, office LANs (局域网), the Party-and-government private network (党政专用通信网, 红机), internet circuits, video-conference systems, machine rooms.',
  },
  {
    name: '督查督办',
    slug: 'inspection',
    description: 'Supervision and inspection of government work (督查, 督察, 督办), including follow-up of 人大建议 and 政协提案.',
  },
  {
    name: '信访维稳',
    slug: 'petitions',
    description: 'Letters and visits (信访) and stability maintenance (维稳): resolving petition cases, duty during sensitive periods, rewards for petition-free townships.',
  },
  {
    name: '热线服务',
    slug: 'hotline',
    description: 'Government service hotlines (12345 热线), usually bought as a service (购买服务).',
  },
  {
    name: '人员经费',
    slug: 'personnel',
    description:
      'Pay and allowances of people outside the regular establishment or on secondment: 聘用人员 wages and social insurance, 挂职 / 异地交流任职 cadres\' allowances.',
  },
  {
    name: '综合工作经费',
    slug: 'general',
    description:
      'General running costs of the office bundled in one project (办文办会): 工作经费 / 专项工作经费 / 各项业务经费, meetings and official activities, document printing (文印), office supplies, travel, duty (值班).',
  },
  {
    name: '年鉴与地方志',
    slug: 'yearbook',
    description: 'Yearbooks (年鉴) and local chronicles (地方志, 史志).',
  },
  {
    name: '驻村与乡村振兴',
    slug: 'village',
    description: 'Village-based work teams (驻村工作队) and rural revitalisation (乡村振兴) support.',
  },
] as const;

export const CATEGORY_NAMES: readonly string[] = CATEGORIES.map((c) => c.name);

export interface Rule {
  /** Stable id, stored in `category.rule`. `name:*` rules read the project name, `goal:*` rules the 年度总体目标. */
  id: string;
  /** Category name assigned when the rule matches. */
  category: string;
  /** Which text the rule reads. */
  field: 'name' | 'goal';
  /** Pattern, tested against the text with whitespace removed. */
  pattern: RegExp;
  /** Readable description, shown in docs and on the site. */
  description: string;
}

/** Ordered: the first match wins. */
export const RULES: readonly Rule[] = [
  {
    id: 'name:hotline',
    category: '热线服务',
    field: 'name',
    pattern: /12345|热线/,
    description: 'name contains 12345|热线',
  },
  {
    id: 'name:village',
    category: '驻村与乡村振兴',
    field: 'name',
    pattern: /驻村|乡村振兴|帮扶|扶贫/,
    description: 'name contains 驻村|乡村振兴|帮扶|扶贫',
  },
  {
    id: 'name:yearbook',
    category: '年鉴与地方志',
    field: 'name',
    pattern: /年鉴|地方志|史志/,
    description: 'name contains 年鉴|地方志|史志',
  },
  {
    id: 'name:petitions',
    category: '信访维稳',
    field: 'name',
    pattern: /信访|维稳/,
    description: 'name contains 信访|维稳',
  },
  {
    // Before 督查: a project named 督查及政务公开… spends most of its stated costs on 政务公开 (training, gazette, website).
    id: 'name:open-government',
    category: '政务公开与政府公报',
    field: 'name',
    pattern: /政务公开|公报/,
    description: 'name contains 政务公开|公报 (checked before 督查, so 督查及政务公开工作经费 lands here)',
  },
  {
    id: 'name:websites',
    category: '政府网站与政务新媒体',
    field: 'name',
    pattern: /网站|新媒体|政府网(?!络)/,
    description: 'name contains 网站|新媒体, or 政府网 not followed by 络 (石嘴山市人民政府网…)',
  },
  {
    id: 'name:e-government',
    category: '电子政务与网络',
    field: 'name',
    pattern: /电子政务|政务网络|局域网|通信网|专网|外网|内网|互联网|电路|信息化|视频会议|机房/,
    description: 'name contains 电子政务|政务网络|局域网|通信网|专网|外网|内网|互联网|电路|信息化|视频会议|机房',
  },
  {
    id: 'name:inspection',
    category: '督查督办',
    field: 'name',
    pattern: /督查|督察|督办/,
    description: 'name contains 督查|督察|督办',
  },
  {
    id: 'name:personnel',
    category: '人员经费',
    field: 'name',
    pattern: /聘用|人员经费|工资|薪酬|报酬|挂职|交流任职|编外/,
    description: 'name contains 聘用|人员经费|工资|薪酬|报酬|挂职|交流任职|编外',
  },
  {
    id: 'name:general',
    category: '综合工作经费',
    field: 'name',
    pattern:
      /^(\d{4}年度?)?(政府|市政府|县政府|区政府)?(专项|日常|综合|各项)?(工作经费|业务经费|办公经费|运转经费)|会议费|公务活动|文印/,
    description:
      'name is a generic bundle — starts with [year][政府][专项|日常|综合|各项] 工作经费|业务经费|办公经费|运转经费 — or contains 会议费|公务活动|文印',
  },
  // Goal fallbacks: only distinctive terms.
  {
    id: 'goal:hotline',
    category: '热线服务',
    field: 'goal',
    pattern: /12345/,
    description: 'goal contains 12345',
  },
  {
    id: 'goal:gazette',
    category: '政务公开与政府公报',
    field: 'goal',
    pattern: /政府公报|政务公开/,
    description: 'goal contains 政府公报|政务公开',
  },
  {
    id: 'goal:e-government',
    category: '电子政务与网络',
    field: 'goal',
    pattern: /电子政务外网|政务外网|党政内网/,
    description: 'goal contains 电子政务外网|政务外网|党政内网',
  },
  {
    id: 'goal:petitions',
    category: '信访维稳',
    field: 'goal',
    pattern: /信访/,
    description: 'goal contains 信访',
  },
  {
    id: 'goal:yearbook',
    category: '年鉴与地方志',
    field: 'goal',
    pattern: /年鉴|地方志/,
    description: 'goal contains 年鉴|地方志',
  },
  {
    id: 'goal:village',
    category: '驻村与乡村振兴',
    field: 'goal',
    pattern: /驻村/,
    description: 'goal contains 驻村',
  },
];
