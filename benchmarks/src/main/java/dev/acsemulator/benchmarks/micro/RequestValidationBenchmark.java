package dev.acsemulator.benchmarks.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.api.schema.SchemaRegistry;
import dev.acsemulator.api.schema.SchemaViolation;
import dev.acsemulator.api.schema.ValidationMode;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A CreateCall body as the Java SDK sends it: parsed to a tree, then validated against its api-version's schema. */
public class RequestValidationBenchmark extends AbstractMicrobenchmark {

    private final ObjectMapper mapper = new ObjectMapper();
    private SchemaRegistry schemas;
    private byte[] body;
    private JsonNode parsed;

    @Setup
    public void setUp() throws IOException {
        schemas = InProcessApi.SCHEMAS;
        body = Fixtures.CREATE_CALL_BODY.getBytes(StandardCharsets.UTF_8);
        parsed = mapper.readTree(body);
        schemas.validate(Fixtures.API_VERSION, "CreateCallRequest", parsed, ValidationMode.REQUEST_LENIENT);
    }

    @Benchmark
    public JsonNode deserialize() throws IOException {
        return mapper.readTree(body);
    }

    @Benchmark
    public List<SchemaViolation> validate() {
        return schemas.validate(Fixtures.API_VERSION, "CreateCallRequest", parsed, ValidationMode.REQUEST_LENIENT);
    }

    @Benchmark
    public List<SchemaViolation> deserializeAndValidate() throws IOException {
        return schemas.validate(Fixtures.API_VERSION, "CreateCallRequest", mapper.readTree(body),
                ValidationMode.REQUEST_LENIENT);
    }
}
