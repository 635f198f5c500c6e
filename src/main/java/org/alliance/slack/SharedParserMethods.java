package org.alliance.slack;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The SDK's Web API client, except that every answer is read by one shared parser. The SDK builds a
 * new {@link Gson} for each answer, and with it, by reflection, the readers of every class the answer
 * may hold: a {@code chat.postMessage} answer carries a whole message. In the benchmark's load of
 * {@code /alliance start} that was about 12% of the CPU and 16% of the garbage after start-up (issue
 * #12, docs/benchmarks.md). A {@link Gson} is safe to share between threads. The SDK's own call
 * statistics are switched off in {@link SlackConfig}; were they on, this leaves calls to the SDK.
 */
final class SharedParserMethods extends MethodsClientImpl {

    private final Gson parser;

    private SharedParserMethods(SlackHttpClient http, Gson parser, String token) {
        super(http, token);
        this.parser = parser;
    }

    /** A source of clients for {@code slack}'s settings: one parser, one client per token as the SDK makes them. */
    static Function<String, MethodsClientImpl> of(Slack slack) {
        Gson parser = GsonFactory.createSnakeCase(slack.getConfig());
        return token -> {
            SharedParserMethods client = new SharedParserMethods(slack.getHttpClient(), parser, token);
            client.setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
            return client;
        };
    }

    /** What the SDK does for every form call with a token, with the shared parser. */
    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String endpoint,
            String token, Class<T> type) throws IOException, SlackApiException {
        SlackHttpClient http = getSlackHttpClient();
        if (http.getConfig().getMethodsConfig().isStatsEnabled()) {
            return super.postFormWithTokenAndParseResponse(form, endpoint, token, type);
        }
        Response response = runPostFormWithToken(form, endpoint, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(http.getConfig(), response, body);
        }
        try {
            T parsed = parser.fromJson(body, type);
            parsed.setHttpResponseHeaders(lowerCased(response.headers()));
            return parsed;
        } finally {
            http.runHttpResponseListeners(response, body, false);
        }
    }

    static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> map = new HashMap<>();
        headers.toMultimap().forEach((name, values) -> map.put(name.toLowerCase(Locale.ROOT), values));
        return map;
    }
}
