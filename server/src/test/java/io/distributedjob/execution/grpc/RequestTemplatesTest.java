package io.distributedjob.execution.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.distributedjob.testgrpc.catalog.FindRequest;
import io.distributedjob.testgrpc.catalog.Shelf;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON template of a request message, as the task form fills {@code grpcParams} with it. */
class RequestTemplatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String text = RequestTemplates.of(FindRequest.getDescriptor());
    private final JsonNode template = JSON.readTree(text);

    @Test
    void everyScalarFieldHasItsZeroValueAndAnEnumItsFirstName() {
        assertThat(template.get("title").asString()).isEmpty();
        assertThat(template.get("limit").asString()).isEqualTo("0");
        assertThat(template.get("price").asDouble()).isZero();
        assertThat(template.get("inStock").asBoolean()).isFalse();
        assertThat(template.get("shelf").asString()).isEqualTo("SHELF_FRONT");
        assertThat(template.get("cursor").asString()).isEmpty();
        assertThat(template.get("note").asString()).isEmpty();
    }

    @Test
    void repeatedFieldsHoldOneItemAndMapsOneEntry() {
        assertThat(template.get("authors")).hasSize(1);
        JsonNode author = template.get("authors").get(0);
        assertThat(author.get("name").asString()).isEmpty();
        assertThat(author.get("aliases")).hasSize(1);
        assertThat(template.get("counts").get("key").asInt()).isZero();
    }

    @Test
    void onlyTheFirstFieldOfAOneofIsGiven() {
        assertThat(template.has("isbn")).isTrue();
        assertThat(template.has("number")).isFalse();
    }

    @Test
    void wellKnownTypesTakeTheirJsonForms() {
        assertThat(template.get("since").asString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(template.get("page").asInt()).isZero();
    }

    @Test
    void aMessageThatContainsItselfEndsAtTheDepthBound() {
        int levels = 0;
        for (JsonNode category = template.get("category"); category != null; category = category.get("parent")) {
            assertThat(category.get("name").asString()).isEmpty();
            levels++;
        }
        // the request is the first level; the last category is left empty, its own parent unset
        assertThat(levels).as(text).isEqualTo(RequestTemplates.MAX_DEPTH);
    }

    @Test
    void theTemplateIsARequestTheCallerParses() throws Exception {
        FindRequest.Builder request = FindRequest.newBuilder();
        JsonFormat.parser().merge(text, request);

        assertThat(request.getAuthorsCount()).isEqualTo(1);
        assertThat(request.getShelf()).isEqualTo(Shelf.SHELF_FRONT);
        assertThat(request.getKeyCase()).isEqualTo(FindRequest.KeyCase.ISBN);
    }
}
