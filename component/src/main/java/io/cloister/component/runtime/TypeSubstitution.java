package io.cloister.component.runtime;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.Case;
import io.cloister.component.types.DefType;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.Field;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ListType;
import io.cloister.component.types.OptionType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.RecordType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ResultType;
import io.cloister.component.types.TupleType;
import io.cloister.component.types.TypeExtern;
import io.cloister.component.types.ValType;
import io.cloister.component.types.VariantType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces imported abstract resource types by the resource types that actually implement them in
 * one instantiation (a host's, or another instance's), as the spec substitutes type imports.
 * Types that mention no replaced resource come back as the same object.
 */
public final class TypeSubstitution {
  private final Map<ResourceType, ResourceType> map = new IdentityHashMap<>();

  /** Records that {@code declared} is implemented by {@code actual} in this instantiation. */
  public void put(ResourceType declared, ResourceType actual) {
    if (declared != actual) {
      map.put(declared, actual);
    }
  }

  /** The resource implementing {@code r}: itself unless replaced. */
  public ResourceType resource(ResourceType r) {
    ResourceType a = map.get(r);
    return a == null ? r : a;
  }

  /** {@code t} with replaced resources. */
  public DefType apply(DefType t) {
    if (map.isEmpty()) {
      return t;
    }
    return switch (t) {
      case ValType v -> apply(v);
      case FuncType f -> apply(f);
      case ResourceType r -> resource(r);
      case InstanceType i -> {
        List<ExternDecl> out = new ArrayList<>();
        boolean changed = false;
        for (ExternDecl d : i.exports()) {
          ExternDecl n = d;
          if (d.type() instanceof FuncType f && apply(f) != f) {
            n = new ExternDecl(d.name(), apply(f));
          } else if (d.type() instanceof TypeExtern te && apply(te.type()) != te.type()) {
            n = new ExternDecl(d.name(), new TypeExtern(apply(te.type())));
          }
          changed |= n != d;
          out.add(n);
        }
        yield changed ? new InstanceType(out) : i;
      }
      default -> t;
    };
  }

  /** {@code f} with replaced resources. */
  public FuncType apply(FuncType f) {
    if (map.isEmpty()) {
      return f;
    }
    List<Param> ps = new ArrayList<>();
    boolean changed = false;
    for (Param p : f.params()) {
      ValType t = apply(p.type());
      changed |= t != p.type();
      ps.add(t == p.type() ? p : new Param(p.name(), t));
    }
    Optional<ValType> r = f.result().map(this::apply);
    changed |= r.isPresent() && r.get() != f.result().get();
    return changed ? new FuncType(ps, r) : f;
  }

  /** {@code t} with replaced resources. */
  public ValType apply(ValType t) {
    if (map.isEmpty()) {
      return t;
    }
    return switch (t) {
      case OwnType o -> {
        ResourceType r = resource(o.resource());
        yield r == o.resource() ? o : new OwnType(r);
      }
      case BorrowType b -> {
        ResourceType r = resource(b.resource());
        yield r == b.resource() ? b : new BorrowType(r);
      }
      case ListType l -> {
        ValType e = apply(l.element());
        yield e == l.element() ? l : new ListType(e);
      }
      case OptionType o -> {
        ValType e = apply(o.element());
        yield e == o.element() ? o : new OptionType(e);
      }
      case ResultType r -> {
        Optional<ValType> ok = r.ok().map(this::apply);
        Optional<ValType> err = r.error().map(this::apply);
        boolean same =
            ok.map(x -> x == r.ok().get()).orElse(true)
                && err.map(x -> x == r.error().get()).orElse(true);
        yield same ? r : new ResultType(ok, err);
      }
      case TupleType tu -> {
        List<ValType> es = new ArrayList<>();
        boolean changed = false;
        for (ValType e : tu.elements()) {
          ValType n = apply(e);
          changed |= n != e;
          es.add(n);
        }
        yield changed ? new TupleType(es) : tu;
      }
      case RecordType rec -> {
        List<Field> fs = new ArrayList<>();
        boolean changed = false;
        for (Field f : rec.fields()) {
          ValType n = apply(f.type());
          changed |= n != f.type();
          fs.add(n == f.type() ? f : new Field(f.name(), n));
        }
        yield changed ? new RecordType(fs) : rec;
      }
      case VariantType v -> {
        List<Case> cs = new ArrayList<>();
        boolean changed = false;
        for (Case c : v.cases()) {
          Optional<ValType> n = c.type().map(this::apply);
          boolean same = n.map(x -> x == c.type().get()).orElse(true);
          changed |= !same;
          cs.add(same ? c : new Case(c.name(), n));
        }
        yield changed ? new VariantType(cs) : v;
      }
      default -> t;
    };
  }
}
