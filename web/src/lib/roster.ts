/** The roster workbook's columns in order, as org-service's RosterSheet reads them (the import template's header). */
export const ROSTER_COLUMNS = ['姓名', '性别', '民族', '出生日期', '身份证号', '学历', '职务', '入党日期', '党员状态', '所在支部',
  '党小组', '领导干部', '党务干部', '手机', '电子邮箱']
