package academy.cqo.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a JSON field that must be text and nothing else: {@code true} or {@code 12} where
 * a username belongs is refused (400 naming the field) instead of being turned into the
 * text {@code "true"}. Put on a field with
 * {@code @JsonDeserialize(using = StrictText.class)}; other fields keep Jackson's usual
 * leniency (answers may be {@code [true]}).
 */
public class StrictText extends StdDeserializer<String> {

	public StrictText() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
