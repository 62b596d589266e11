package org.asylex.engine.assessment;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The facts a finding used, by name in schema order: an immutable map over two arrays, built once
 * per finding and not copied again by {@link Finding} (a {@code LinkedHashMap} and its copy cost
 * more than the rest of a finding). Equal to any map with the same entries.
 */
final class FactsUsed extends AbstractMap<String, Object> {
  private final String[] names;
  private final Object[] values;

  private FactsUsed(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  /** The facts in {@code mask} (all known), named by {@code names}, valued from {@code facts}. */
  static FactsUsed of(long mask, String[] names, Object[] facts) {
    int n = Long.bitCount(mask);
    var keys = new String[n];
    var vals = new Object[n];
    int j = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      keys[j] = names[i];
      vals[j++] = facts[i];
    }
    return new FactsUsed(keys, vals);
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Object get(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (String name : names) {
      if (name.equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < names.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (i >= names.length) {
              throw new NoSuchElementException();
            }
            var e = new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
            i++;
            return e;
          }
        };
      }
    };
  }
}
