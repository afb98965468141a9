// China's official holidays and adjusted working days 调休上班, transcribed from the State Council General Office's
// notices, one festival per line as the notice words it so the data can be checked against the text:
// - 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）, published by
//   Xinhua, e.g. https://www.gov.cn/zhengce/content/202310/content_6911527.htm (statistics reach back into it)
// - 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）,
//   published by Xinhua, e.g. https://m.gmw.cn/2024-11/12/content_1303894933.htm
// - 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）,
//   published by Xinhua, e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm
// These are the seed of the Calendar port (adapters/store-calendar.ts): a new year's notice, published each
// November, is entered by an admin on the 工作日历 page; no module reads this table directly.

import type { Festival } from '../domain/holiday-year';

/** The notice each seeded year was transcribed from. */
export const CN_NOTICES: Record<number, string> = {
  2024: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};

export const CN_FESTIVALS: Record<number, Festival[]> = {
  2024: [
    { name: '元旦', from: '2024-01-01', to: '2024-01-01', workdays: [] },
    { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
    { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', from: '2024-06-08', to: '2024-06-10', workdays: [] },
    { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
    { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
  ],
};
