package io.distributedjob.mcp;

import io.distributedjob.support.H2ServerTest;

class McpApiH2Test extends H2ServerTest implements McpApiSuite {
}
