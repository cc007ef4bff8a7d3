import type { AssetFields } from '../records/asset';
import type { MemberFields } from '../records/member';
import type { ProjectFields } from '../records/project';
import { seededRandom } from './seeded-random';

/**
 * A realistic demo customer: a city commercial bank's data centre. Deterministic for a given
 * seed, so the start screen, the tests and the benchmarks all see the same data; any asset count
 * from a few dozen to tens of thousands.
 */
export interface DemoProject {
  project: Partial<ProjectFields> & Pick<ProjectFields, 'code' | 'name' | 'customer'>;
  members: Array<Partial<MemberFields> & Pick<MemberFields, 'name'>>;
  assets: Array<Partial<AssetFields> & Pick<AssetFields, 'name'>>;
}

export const DEMO_ASSET_COUNT = 40;

interface AssetKind {
  type: AssetFields['type'];
  prefix: string;
  models: Array<[vendor: string, model: string, os: string]>;
  roles: string[];
  weight: number;
}

const kinds: AssetKind[] = [
  {
    type: 'server',
    prefix: 'srv',
    models: [
      ['华为', 'FusionServer 2288H V6', 'CentOS 7.9'],
      ['浪潮', 'NF5280M6', 'Kylin V10 SP2'],
      ['Dell', 'PowerEdge R750', 'Red Hat Enterprise Linux 8.6'],
      ['H3C', 'UniServer R4900 G5', 'Windows Server 2019'],
    ],
    roles: [
      '核心业务应用服务器',
      '网银前置服务器',
      '柜面渠道服务器',
      'ESB 服务总线服务器',
      '批量处理服务器',
      '监控采集服务器',
      '文件传输服务器',
      '堡垒机服务器',
    ],
    weight: 10,
  },
  {
    type: 'network',
    prefix: 'sw',
    models: [
      ['华为', 'CloudEngine 6881-48S6CQ', 'VRP V200R021C10'],
      ['H3C', 'S6850-56HF', 'Comware 7.1.070'],
      ['锐捷', 'RG-S6510-48VS8CQ', 'RGOS 11.4(1)B12'],
      ['华为', 'NetEngine AR6280', 'VRP V300R021C10'],
    ],
    roles: ['核心交换机', '汇聚交换机', '接入交换机', '出口路由器', '带外管理交换机'],
    weight: 5,
  },
  {
    type: 'storage',
    prefix: 'stor',
    models: [
      ['华为', 'OceanStor 5310 V5', 'V500R007C71'],
      ['Dell', 'PowerStore 1200T', 'PowerStoreOS 3.5'],
      ['浪潮', 'AS5600G5', 'InStorage 3.8'],
    ],
    roles: ['核心业务存储', '备份存储', '影像存储'],
    weight: 2,
  },
  {
    type: 'database',
    prefix: 'db',
    models: [
      ['Oracle', 'Oracle Database 19c RAC', 'Oracle Linux 7.9'],
      ['MySQL', 'MySQL 8.0.35', 'CentOS 7.9'],
      ['达梦', 'DM8', 'Kylin V10 SP2'],
    ],
    roles: ['核心账务库', '网银库', '报表库', '数据仓库'],
    weight: 3,
  },
  {
    type: 'security',
    prefix: 'fw',
    models: [
      ['华为', 'USG6650E', 'V600R007C20'],
      ['深信服', 'AF-1000-B1080', 'AF 8.0.85'],
      ['奇安信', '网神 SecGate 3600', 'V3.6.6'],
    ],
    roles: ['互联网边界防火墙', '核心区防火墙', '上网行为管理设备', 'Web 应用防火墙'],
    weight: 2,
  },
  {
    type: 'application',
    prefix: 'app',
    models: [
      ['东方通', 'TongWeb 7.0', 'TongWeb 7.0.4.9'],
      ['Apache', 'Tomcat 9', 'Tomcat 9.0.85'],
      ['Nginx', 'Nginx 1.24', 'nginx/1.24.0'],
    ],
    roles: ['核心业务系统', '网上银行', '手机银行', '信贷管理系统', '统一支付平台'],
    weight: 3,
  },
];

const owners = ['刘洋', '孙鹏', '赵静', '黄磊', '吴敏'];
const rooms = ['一号机房', '二号机房', '灾备机房'];
const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);

function pickKind(random: () => number): AssetKind {
  let roll = random() * totalWeight;
  for (const kind of kinds) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return kinds[0]!;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function generateDemoAssets(count: number, seed = 20_260_101): DemoProject['assets'] {
  const random = seededRandom(seed);
  const assets: DemoProject['assets'] = [];
  for (let index = 0; index < count; index++) {
    const kind = pickKind(random);
    const [vendor, model, osVersion] = pick(random, kind.models);
    const role = pick(random, kind.roles);
    const number = String(index + 1).padStart(4, '0');
    const room = pick(random, rooms);
    const rackRow = String.fromCharCode(65 + Math.floor(random() * 8));
    const rack = `${rackRow}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const u = 1 + Math.floor(random() * 40);
    const subnet = Math.floor(index / 250);
    const host = (index % 250) + 2;
    const isHardware = kind.type !== 'application' && kind.type !== 'database';
    assets.push({
      type: kind.type,
      // A role names the object in full (核心交换机, not 核心交换 + 交换机): joining a role and a
      // label doubled words (核心交换交换机, 备份存储存储).
      name: `${role}-${number}`,
      hostname: `jnb-${kind.prefix}-${number}`,
      ips: [`10.${16 + (subnet >> 8)}.${subnet & 255}.${host}`],
      vendor,
      model,
      serialNumber: isHardware
        ? `${kind.prefix.toUpperCase()}${(seed % 1000).toString().padStart(3, '0')}${number}${Math.floor(random() * 1e6)
            .toString(36)
            .toUpperCase()}`
        : '',
      site: '南京总行数据中心',
      room,
      rack: isHardware ? rack : '',
      uPosition: isHardware ? String(u) : '',
      osVersion,
      owner: pick(random, owners),
      criticality: role.startsWith('核心') ? 'high' : random() < 0.3 ? 'low' : 'medium',
      tags: role.startsWith('核心') ? ['核心', '等保三级'] : random() < 0.3 ? ['等保三级'] : [],
      notes: '',
    });
  }
  return assets;
}

export function generateDemoProject(assetCount = DEMO_ASSET_COUNT, seed = 20_260_101): DemoProject {
  return {
    project: {
      code: 'JNB-OPS-2026',
      name: '江南银行数据中心运维服务项目',
      customer: '江南银行股份有限公司',
      contractNo: 'JNB-IT-2026-0187',
      serviceMode: 'onsite',
      serviceHours: '7x24',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      phase: 'initiation',
      description:
        '为江南银行南京总行数据中心提供驻场运维服务，覆盖服务器、网络、存储、数据库、安全设备与核心业务系统，7×24 小时值守。',
    },
    members: [
      {
        name: '陈立',
        role: 'pm',
        organisation: '恒信科技',
        phone: '138 0000 1001',
        email: 'chenli@example.com',
        duties: '项目总体负责，客户沟通与进度管控',
      },
      {
        name: '周明',
        role: 'techLead',
        organisation: '恒信科技',
        phone: '138 0000 1002',
        email: 'zhouming@example.com',
        duties: '技术方案、基线定义与变更评审',
      },
      {
        name: '刘洋',
        role: 'engineer',
        organisation: '恒信科技',
        phone: '138 0000 1003',
        duties: '服务器与存储日常巡检',
      },
      {
        name: '孙鹏',
        role: 'engineer',
        organisation: '恒信科技',
        phone: '138 0000 1004',
        duties: '网络与安全设备巡检',
      },
      { name: '赵静', role: 'expert', organisation: '恒信科技', phone: '138 0000 1005', duties: '数据库二线支持' },
      {
        name: '王建国',
        role: 'customerContact',
        organisation: '江南银行信息科技部',
        phone: '025-8000 1234',
        email: 'wangjg@jnbank.example',
        duties: '甲方项目负责人，需求确认与验收签字',
      },
      {
        name: '李娜',
        role: 'customerContact',
        organisation: '江南银行信息科技部',
        phone: '025-8000 1235',
        duties: '甲方运维接口人',
      },
    ],
    assets: generateDemoAssets(assetCount, seed),
  };
}
