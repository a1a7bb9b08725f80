package io.osop.temporal.activities.serving.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Instant queries against the Prometheus HTTP API ({@code /api/v1/query}). A query that returns no
 * series or NaN has no value; a query that fails, or returns more than one series, is an error.
 */
public final class PrometheusClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  /** A client for the Prometheus server at {@code baseUrl}. */
  public PrometheusClient(URI baseUrl, Duration timeout, HttpClient http) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.http = http;
  }

  /** The value of a query that yields one number, or empty when there is no data. */
  public OptionalDouble query(String promql) throws IOException {
    URI uri =
        baseUrl.resolve("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Prometheus query interrupted: query=" + promql, e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(
          "Prometheus answered HTTP " + response.statusCode() + " with no JSON: query=" + promql,
          e);
    }
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IOException(
          "Prometheus query failed: status="
              + response.statusCode()
              + " error="
              + body.path("error").asText("")
              + " query="
              + promql);
    }
    return value(body.path("data"), promql);
  }

  private static OptionalDouble value(JsonNode data, String promql) throws IOException {
    String type = data.path("resultType").asText();
    JsonNode sample;
    if ("scalar".equals(type)) {
      sample = data.path("result");
    } else if ("vector".equals(type)) {
      JsonNode result = data.path("result");
      if (result.isEmpty()) {
        return OptionalDouble.empty();
      }
      if (result.size() > 1) {
        throw new IOException(
            "Prometheus query returned "
                + result.size()
                + " series; aggregate it to one (sum, max, histogram_quantile): query="
                + promql);
      }
      sample = result.get(0).path("value");
    } else {
      throw new IOException(
          "Prometheus query returned a " + type + "; expected a vector or scalar: query=" + promql);
    }
    double value;
    try {
      value = Double.parseDouble(sample.path(1).asText());
    } catch (NumberFormatException e) {
      throw new IOException(
          "Prometheus returned a sample that is not a number: query=" + promql, e);
    }
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
