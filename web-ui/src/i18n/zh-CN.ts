const zhCN = {
  app: { name: 'DistributedJob', subtitle: '分布式任务调度' },
  common: {
    search: '查询', reset: '重置', create: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确定', actions: '操作', refresh: '刷新', all: '全部', yes: '是', no: '否', enabled: '启用',
    disabled: '禁用', status: '状态', description: '描述', name: '名称', department: '部门', createTime: '创建时间',
    loading: '加载中…', noData: '暂无数据', saved: '已保存', deleted: '已删除', more: '更多', back: '返回',
    deleteConfirm: '确定删除“{name}”吗？此操作不可撤销。', confirmTitle: '请确认', close: '关闭', detail: '详情',
    copy: '复制', copied: '已复制', selected: '已选 {count} 项', success: '成功', failed: '失败', none: '无',
    optional: '可选', seconds: '秒', ms: '毫秒', requestFailed: '请求失败：{message}',
  },
  menu: {
    dashboard: '仪表盘', tasks: '任务管理', records: '执行记录', system: '系统管理', departments: '部门管理',
    users: '用户管理', roles: '角色管理', profile: '个人中心',
  },
  topbar: {
    toggleMenu: '展开/收起菜单', themeDark: '切换到深色主题', themeLight: '切换到浅色主题', language: '语言',
    logout: '退出登录', profile: '个人中心',
  },
  login: {
    title: '登录控制台', username: '用户名', password: '密码', submit: '登录', usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码', failed: '登录失败：{message}', sessionExpired: '登录已过期，请重新登录',
    tooMany: '尝试次数过多，请稍后再试', passwordChanged: '密码已修改，请用新密码登录',
  },
  dashboard: {
    tasks: '任务总数', enabledTasks: '已启用 {count}', executionsToday: '今日执行', successRate: '本月成功率',
    failures24h: '近 24 小时失败', executionsChart: '执行趋势（本月）', upcoming: '即将触发', slowest: '最慢任务（近期执行）',
    avgCost: '平均耗时', maxCost: '最长耗时', runs: '次数', nextFire: '下次触发', viewAll: '查看全部',
    noUpcoming: '没有已启用的任务', noRecords: '本月暂无执行记录', moreThan: '{count}+',
  },
  task: {
    title: '任务', name: '任务名称', type: '类型', cron: 'Cron 表达式', timezone: '时区', status: '状态',
    statusDisabled: '禁用', statusEnabled: '启用', statusTemporary: '临时', nextFire: '下次执行', lastFire: '上次执行',
    keyword: '任务名称关键字', newHttp: '新建 HTTP 任务', newGrpc: '新建 gRPC 任务', editTitle: '编辑任务',
    runNow: '立即执行', enable: '启用', disable: '停用', history: '执行记录', bulkEnable: '批量启用',
    bulkDisable: '批量停用', bulkRun: '批量执行', ran: '已触发执行', enabledMsg: '已启用', disabledMsg: '已停用',
    bulkResult: '成功 {ok} 个，失败 {failed} 个', runConfirm: '立即执行“{name}”一次？',
    deleteConfirm: '删除任务“{name}”？该任务将不再调度。',
    basic: '基本信息', target: '调用目标', schedule: '调度', policy: '重试与策略',
    timeout: '超时（秒）', retryCount: '重试次数', retryInterval: '重试间隔（秒）', url: '请求 URL', httpMethod: 'HTTP 方法',
    headers: '请求头（JSON）', body: '请求体', fallbackUrl: '备用 URL', grpcService: 'gRPC 服务',
    grpcServiceHint: '<目标>/<包名.服务名>，如 127.0.0.1:50051/demo.Greeter', grpcMethod: 'gRPC 方法',
    grpcParams: '请求参数（JSON）', fallbackGrpcService: '备用 gRPC 服务', fallbackGrpcMethod: '备用 gRPC 方法',
    grpcTls: 'TLS', grpcTlsHint: '通过 TLS 连接（校验目标的证书）',
    misfirePolicy: '错过触发策略', concurrencyPolicy: '并发策略', invalidJson: '不是合法的 JSON',
    required: '必填', created: '任务已创建', updated: '任务已更新', serverDefaultZone: '服务器默认时区',
    browserZone: '浏览器时区：{zone}', description: '描述', executeRecords: '执行记录',
  },
  cron: {
    placeholder: "如 0 */5 * * * 或 {'@'}every 30s", nextFires: '接下来 {count} 次触发', previewing: '正在计算…',
    invalid: '无法解析：{message}', presets: '常用', everyNSeconds: '每 {n} 秒', everyMinute: '每分钟',
    every5Minutes: '每 5 分钟', hourly: '每小时', daily: '每天 0 点', weekdays: '工作日 9:00', monthly: '每月 1 日 0 点',
    macroYearly: '每年 1 月 1 日 00:00', macroMonthly: '每月 1 日 00:00', macroWeekly: '每周日 00:00',
    macroDaily: '每天 00:00', macroHourly: '每小时整点', every: '每隔 {duration}',
    unitH: '{n} 小时', unitM: '{n} 分钟', unitS: '{n} 秒', unitMs: '{n} 毫秒',
  },
  record: {
    title: '执行记录', month: '月份', task: '任务', result: '结果', statusRunning: '执行中', statusSuccess: '成功',
    statusFailed: '失败', scheduledTime: '计划时间', startTime: '开始时间', endTime: '结束时间', costTime: '耗时',
    statusCode: '状态码', trigger: '触发方式', executor: '执行节点', retries: '重试次数', usedFallback: '使用备用地址',
    request: '请求', response: '响应', error: '错误', detail: '执行详情', taskConfig: '任务当前配置',
    triggerCRON: '定时', triggerMANUAL: '手动', triggerAPI: 'API', triggerRETRY: '重试', triggerMISFIRE: '补偿',
    taskPlaceholder: '按任务筛选', autoRefresh: '自动刷新',
  },
  department: {
    title: '部门', parent: '上级部门', root: '总部（根部门）', add: '新建部门', addChild: '新建子部门',
    editTitle: '编辑部门', deleteConfirm: '删除部门“{name}”？', selectHint: '在左侧选择一个部门查看详情',
    keyword: '部门名称',
  },
  user: {
    title: '用户', username: '用户名', realName: '姓名', email: '邮箱', phone: '手机', role: '角色', password: '密码',
    newPassword: '新密码', oldPassword: '原密码', confirmPassword: '确认新密码', resetPassword: '重置密码',
    passwordReset: '密码已重置', passwordMismatch: '两次输入的密码不一致',
    passwordTooShort: '密码至少 {n} 位', add: '新建用户', editTitle: '编辑用户', keyword: '用户名或姓名',
    deleteConfirm: '删除用户“{name}”？', enable: '启用', disable: '禁用',
  },
  role: {
    title: '角色', permissions: '权限', add: '新建角色', editTitle: '编辑角色', keyword: '角色名称',
    deleteConfirm: '删除角色“{name}”？', permissionCount: '{count} 项权限',
  },
  profile: {
    title: '个人中心', info: '基本信息', changePassword: '修改密码', permissions: '我的权限',
    changeRequired: '该账号仍在使用示例密码，请先设置自己的密码。',
  },
  errors: {
    forbiddenTitle: '无权访问', forbidden: '你的角色没有访问该页面的权限。', notFoundTitle: '页面不存在',
    notFound: '你访问的页面不存在。', home: '返回首页',
  },
  permission: {
    task_view: '查看任务', task_create: '创建任务', task_update: '修改任务', task_delete: '删除任务',
    record_view: '查看执行记录', department_manage: '管理部门', user_manage: '管理用户', role_manage: '管理角色',
  },
}

export default zhCN
export type MessageSchema = typeof zhCN
