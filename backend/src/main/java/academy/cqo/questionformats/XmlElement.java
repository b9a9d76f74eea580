package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a Moodle XML file, read whole: a {@code <question>} is small enough to
 * hold, and reading it as a tree keeps the per-type rules simple.
 */
final class XmlElement {

	private final String name;

	private final int line;

	private final Map<String, String> attributes = new HashMap<>();

	private final List<XmlElement> children = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder characterData = new StringBuilder();

	private boolean plainText;

	private XmlElement(String name, int line) {
		this.name = name;
		this.line = line;
	}

	/**
	 * Read the element the reader stands on, up to its end tag.
	 * @param reader a reader at a start tag
	 * @return the element
	 * @throws XMLStreamException when the XML is malformed
	 */
	static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
		XmlElement element = new XmlElement(reader.getLocalName(), reader.getLocation().getLineNumber());
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
		}
		while (reader.hasNext()) {
			switch (reader.next()) {
				case XMLStreamConstants.START_ELEMENT -> element.children.add(read(reader));
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
					element.text.append(reader.getText());
					element.plainText |= !reader.isWhiteSpace();
				}
				case XMLStreamConstants.CDATA -> {
					element.text.append(reader.getText());
					element.characterData.append(reader.getText());
				}
				case XMLStreamConstants.END_ELEMENT -> {
					return element;
				}
				default -> {
				}
			}
		}
		return element;
	}

	String name() {
		return this.name;
	}

	int line() {
		return this.line;
	}

	String attribute(String attributeName) {
		return this.attributes.get(attributeName);
	}

	/**
	 * The element's text. Text that is only a CDATA section (with white space around it)
	 * is taken exactly, as a writer put it there; other text is stripped, as Moodle does.
	 * @return the text
	 */
	String text() {
		if (!this.plainText && !this.characterData.isEmpty()) {
			return this.characterData.toString();
		}
		return this.text.toString().strip();
	}

	XmlElement child(String childName) {
		return this.children.stream().filter((child) -> child.name.equals(childName)).findFirst().orElse(null);
	}

	List<XmlElement> children(String childName) {
		return this.children.stream().filter((child) -> child.name.equals(childName)).toList();
	}

	/**
	 * The text of the {@code <text>} inside a child, Moodle's way of holding texts
	 * ({@code <questiontext><text>…</text></questiontext>}).
	 * @param childName the child
	 * @return the text, or {@code ""} when there is none
	 */
	String textOf(String childName) {
		XmlElement child = child(childName);
		XmlElement text = (child != null) ? child.child("text") : null;
		return (text != null) ? text.text() : "";
	}

	/**
	 * Every element below this one with a name, at any depth, in document order.
	 * @param descendantName the name
	 * @return the elements
	 */
	List<XmlElement> descendants(String descendantName) {
		List<XmlElement> found = new ArrayList<>();
		for (XmlElement child : this.children) {
			if (child.name.equals(descendantName)) {
				found.add(child);
			}
			found.addAll(child.descendants(descendantName));
		}
		return found;
	}

}
