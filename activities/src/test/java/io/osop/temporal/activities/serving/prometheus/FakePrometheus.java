package io.osop.temporal.activities.serving.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Prometheus HTTP API on loopback that answers {@code /api/v1/query} from canned answers: a value
 * for a query, no data, or an error.
 */
public final class FakePrometheus implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> byFragment = new java.util.concurrent.ConcurrentSkipListMap<>();
  public final List<String> queries = new CopyOnWriteArrayList<>();

  public FakePrometheus() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/query",
        exchange -> {
          String raw = exchange.getRequestURI().getRawQuery();
          String query =
              URLDecoder.decode(raw.substring(raw.indexOf("query=") + 6), StandardCharsets.UTF_8);
          queries.add(query);
          String body = answers.get(query);
          if (body == null) {
            body =
                byFragment.entrySet().stream()
                    .filter(e -> query.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(noData());
          }
          int status = body.contains("\"status\":\"error\"") ? 400 : 200;
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Answers the query with one series holding the value. */
  public void value(String query, double value) {
    answers.put(
        query,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
            + "\"value\":[1764842400.0,\""
            + value
            + "\"]}]}}");
  }

  /** Answers every query containing the fragment (a metric name) with one series of the value. */
  public void valueFor(String fragment, double value) {
    byFragment.put(fragment, series(value));
  }

  private static String series(double value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
        + "\"value\":[1764842400.0,\""
        + value
        + "\"]}]}}";
  }

  /** Answers every query containing the fragment with an error. */
  public void errorFor(String fragment) {
    byFragment.put(fragment, ERROR);
  }

  private static final String ERROR =
      "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}";

  /** Answers the query with an error, as Prometheus does for a bad query. */
  public void error(String query) {
    answers.put(
        query,
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}");
  }

  /** An empty vector: the series does not exist (yet). */
  public static String noData() {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
