package io.distributedjob.audit;

import io.distributedjob.support.MariaDbServerTest;

class AuditLogApiMariaDbTest extends MariaDbServerTest implements AuditLogApiSuite {
}
