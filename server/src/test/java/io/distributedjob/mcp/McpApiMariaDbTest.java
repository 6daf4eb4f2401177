package io.distributedjob.mcp;

import io.distributedjob.support.MariaDbServerTest;

class McpApiMariaDbTest extends MariaDbServerTest implements McpApiSuite {
}
