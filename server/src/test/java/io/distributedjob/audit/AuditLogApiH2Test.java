package io.distributedjob.audit;

import io.distributedjob.support.H2ServerTest;

class AuditLogApiH2Test extends H2ServerTest implements AuditLogApiSuite {
}
