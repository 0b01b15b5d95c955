package app.meike.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields a change actually changed, as {field: {from, to}}, for the audit log. */
public final class Changes {
    private final Map<String, Object> changed = new LinkedHashMap<>();

    /** Records the field when the value differs; answers whether it did. */
    public boolean track(String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        Map<String, Object> fromTo = new LinkedHashMap<>();
        fromTo.put("from", before);
        fromTo.put("to", after);
        changed.put(field, fromTo);
        return true;
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    public Map<String, Object> asMap() {
        return changed;
    }
}
