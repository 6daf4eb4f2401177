import type { MessageSchema } from './zh-CN'

const en: MessageSchema = {
  app: { name: 'DistributedJob', subtitle: 'Distributed job scheduler' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'OK', actions: 'Actions', refresh: 'Refresh', all: 'All', yes: 'Yes', no: 'No', enabled: 'Enabled',
    disabled: 'Disabled', status: 'Status', description: 'Description', name: 'Name', department: 'Department',
    createTime: 'Created', loading: 'Loading…', noData: 'No data', saved: 'Saved', deleted: 'Deleted', more: 'More',
    back: 'Back', deleteConfirm: 'Delete “{name}”? This cannot be undone.', confirmTitle: 'Please confirm',
    close: 'Close', detail: 'Details', copy: 'Copy', copied: 'Copied', selected: '{count} selected', success: 'Success',
    failed: 'Failed', none: 'None', optional: 'optional', seconds: 's', ms: 'ms', requestFailed: 'Request failed: {message}',
  },
  menu: {
    dashboard: 'Dashboard', tasks: 'Tasks', records: 'Executions', system: 'System', departments: 'Departments',
    users: 'Users', roles: 'Roles', profile: 'Profile',
  },
  topbar: {
    toggleMenu: 'Toggle menu', themeDark: 'Switch to dark theme', themeLight: 'Switch to light theme', language: 'Language',
    logout: 'Log out', profile: 'Profile',
  },
  login: {
    title: 'Sign in to the console', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', failed: 'Sign-in failed: {message}',
    sessionExpired: 'Your session has expired: please sign in again', tooMany: 'Too many attempts: try again later',
    passwordChanged: 'Password changed: sign in with the new one',
  },
  dashboard: {
    tasks: 'Tasks', enabledTasks: '{count} enabled', executionsToday: 'Executions today', successRate: 'Success rate (month)',
    failures24h: 'Failures, last 24 h', executionsChart: 'Executions this month', upcoming: 'Upcoming fires',
    slowest: 'Slowest tasks (recent executions)', avgCost: 'Average', maxCost: 'Longest', runs: 'Runs', nextFire: 'Next fire',
    viewAll: 'View all', noUpcoming: 'No enabled task', noRecords: 'No executions this month', moreThan: '{count}+',
  },
  task: {
    title: 'Task', name: 'Name', type: 'Type', cron: 'Cron expression', timezone: 'Time zone', status: 'Status',
    statusDisabled: 'Disabled', statusEnabled: 'Enabled', statusTemporary: 'Once', nextFire: 'Next fire',
    lastFire: 'Last fire', keyword: 'Task name', newHttp: 'New HTTP task', newGrpc: 'New gRPC task', editTitle: 'Edit task',
    runNow: 'Run now', enable: 'Enable', disable: 'Disable', history: 'History', bulkEnable: 'Enable',
    bulkDisable: 'Disable', bulkRun: 'Run', ran: 'Fired', enabledMsg: 'Enabled', disabledMsg: 'Disabled',
    bulkResult: '{ok} succeeded, {failed} failed', runConfirm: 'Run “{name}” once now?',
    deleteConfirm: 'Delete task “{name}”? It will no longer be scheduled.',
    basic: 'Basics', target: 'Target', schedule: 'Schedule', policy: 'Retries and policies',
    timeout: 'Timeout (s)', retryCount: 'Retries', retryInterval: 'Retry interval (s)', url: 'URL', httpMethod: 'HTTP method',
    headers: 'Headers (JSON)', body: 'Body', fallbackUrl: 'Fallback URL', grpcService: 'gRPC service',
    grpcServiceHint: '<target>/<package.Service>, e.g. 127.0.0.1:50051/demo.Greeter', grpcMethod: 'gRPC method',
    grpcParams: 'Request (JSON)', fallbackGrpcService: 'Fallback gRPC service', fallbackGrpcMethod: 'Fallback gRPC method',
    grpcTls: 'TLS', grpcTlsHint: "Connect over TLS (the target's certificate is verified)",
    misfirePolicy: 'Misfire policy', concurrencyPolicy: 'Concurrency policy', invalidJson: 'Not valid JSON',
    required: 'Required', created: 'Task created', updated: 'Task updated', serverDefaultZone: "Server's time zone",
    browserZone: 'Browser: {zone}', description: 'Description', executeRecords: 'Executions',
  },
  cron: {
    placeholder: "e.g. 0 */5 * * * or {'@'}every 30s", nextFires: 'Next {count} fires', previewing: 'Computing…',
    invalid: 'Cannot parse: {message}', presets: 'Presets', everyNSeconds: 'Every {n} seconds', everyMinute: 'Every minute',
    every5Minutes: 'Every 5 minutes', hourly: 'Hourly', daily: 'Daily at 00:00', weekdays: 'Weekdays at 09:00',
    monthly: 'Monthly on the 1st', macroYearly: 'At 00:00 on January 1st', macroMonthly: 'At 00:00 on day 1 of the month',
    macroWeekly: 'At 00:00 on Sunday', macroDaily: 'At 00:00 every day', macroHourly: 'At the start of every hour',
    every: 'Every {duration}', unitH: '{n} h', unitM: '{n} min', unitS: '{n} s', unitMs: '{n} ms',
  },
  record: {
    title: 'Executions', month: 'Month', task: 'Task', result: 'Result', statusRunning: 'Running', statusSuccess: 'Success',
    statusFailed: 'Failed', scheduledTime: 'Scheduled', startTime: 'Started', endTime: 'Ended', costTime: 'Duration',
    statusCode: 'Status code', trigger: 'Trigger', executor: 'Executor', retries: 'Retries', usedFallback: 'Used fallback',
    request: 'Request', response: 'Response', error: 'Error', detail: 'Execution details', taskConfig: "Task's current configuration",
    triggerCRON: 'Schedule', triggerMANUAL: 'Manual', triggerAPI: 'API', triggerRETRY: 'Retry', triggerMISFIRE: 'Misfire',
    taskPlaceholder: 'Filter by task', autoRefresh: 'Auto refresh',
  },
  department: {
    title: 'Department', parent: 'Parent', root: 'Root department', add: 'New department', addChild: 'New sub-department',
    editTitle: 'Edit department', deleteConfirm: 'Delete department “{name}”?', selectHint: 'Select a department on the left',
    keyword: 'Department name',
  },
  user: {
    title: 'User', username: 'Username', realName: 'Full name', email: 'Email', phone: 'Phone', role: 'Role',
    password: 'Password', newPassword: 'New password', oldPassword: 'Current password', confirmPassword: 'Confirm new password',
    resetPassword: 'Reset password', passwordReset: 'Password reset',
    passwordMismatch: 'The passwords do not match', passwordTooShort: 'At least {n} characters', add: 'New user',
    editTitle: 'Edit user', keyword: 'Username or name', deleteConfirm: 'Delete user “{name}”?', enable: 'Enable',
    disable: 'Disable',
  },
  role: {
    title: 'Role', permissions: 'Permissions', add: 'New role', editTitle: 'Edit role', keyword: 'Role name',
    deleteConfirm: 'Delete role “{name}”?', permissionCount: '{count} permissions',
  },
  profile: {
    title: 'Profile', info: 'Account', changePassword: 'Change password', permissions: 'My permissions',
    changeRequired: 'This account still has the sample password: choose your own before going on.',
  },
  errors: {
    forbiddenTitle: 'Access denied', forbidden: 'Your role does not allow this page.', notFoundTitle: 'Page not found',
    notFound: 'There is no such page.', home: 'Back to the dashboard',
  },
  permission: {
    task_view: 'View tasks', task_create: 'Create tasks', task_update: 'Change tasks', task_delete: 'Delete tasks',
    record_view: 'View executions', department_manage: 'Manage departments', user_manage: 'Manage users',
    role_manage: 'Manage roles',
  },
}

export default en
