package io.cloister.bindgen.wit;

import io.cloister.bindgen.wit.FuncSig.ParamDecl;
import io.cloister.bindgen.wit.InterfaceItem.UseName;
import io.cloister.bindgen.wit.TopItem.WorldItem;
import io.cloister.bindgen.wit.TypeDecl.ResourceFunc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser for the WIT text format as used by WASI 0.2: packages, interfaces,
 * type definitions, functions, resources, gates and (summarised) worlds. Every loop consumes a
 * token or stops, so malformed input ends in a {@link WitParseException}, never a hang.
 */
public final class Parser {
  private static final Set<String> PRIMITIVES =
      Set.of(
          "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "float32",
          "float64", "char", "string");

  private final List<Token> tokens;
  private int at;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses one WIT file; {@code file} is used in positions and error messages. */
  public static WitFile parse(String file, String source) throws WitParseException {
    return new Parser(Lexer.tokenize(file, source)).file(file);
  }

  // ---- token helpers

  private Token peek() {
    return tokens.get(at);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(at);
    if (t.kind() != TokenKind.EOF) {
      at++;
    }
    return t;
  }

  private boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  private boolean atKeyword(String word) {
    return peek().isKeyword(word);
  }

  private boolean accept(TokenKind kind) {
    if (at(kind)) {
      advance();
      return true;
    }
    return false;
  }

  private Token expect(TokenKind kind, String what) throws WitParseException {
    if (!at(kind)) {
      throw error(peek(), "expected " + what);
    }
    return advance();
  }

  private void expectKeyword(String word) throws WitParseException {
    if (!atKeyword(word)) {
      throw error(peek(), "expected '" + word + "'");
    }
    advance();
  }

  private String identifier(String what) throws WitParseException {
    return expect(TokenKind.ID, what).text();
  }

  private static WitParseException error(Token t, String expected) {
    Pos p = t.pos();
    return new WitParseException(
        p.file(), p.line(), p.column(), expected + ", found " + t.describe());
  }

  private static WitParseException error(Pos p, String problem) {
    return new WitParseException(p.file(), p.line(), p.column(), problem);
  }

  // ---- files and packages

  private WitFile file(String path) throws WitParseException {
    Optional<PackageName> pkg = Optional.empty();
    Optional<Pos> pkgPos = Optional.empty();
    List<TopItem> items = new ArrayList<>();
    // A leading 'package x;' names the file's package; 'package x { ... }' is a nested package.
    int save = at;
    gates();
    if (atKeyword("package")) {
      Token kw = advance();
      PackageName name = packageName();
      if (accept(TokenKind.SEMI)) {
        pkg = Optional.of(name);
        pkgPos = Optional.of(kw.pos());
      } else {
        at = save;
      }
    } else {
      at = save;
    }
    while (!at(TokenKind.EOF)) {
      items.add(topItem());
    }
    return new WitFile(path, pkg, pkgPos, items);
  }

  private PackageName packageName() throws WitParseException {
    String ns = identifier("a package namespace");
    expect(TokenKind.COLON, "':' after the package namespace");
    String name = identifier("a package name");
    // Nested namespaces (ns:a:b) are joined into the name.
    while (at(TokenKind.COLON)) {
      advance();
      name = name + ":" + identifier("a package name");
    }
    return new PackageName(ns, name, optionalVersion());
  }

  private Optional<String> optionalVersion() throws WitParseException {
    if (accept(TokenKind.AT)) {
      return Optional.of(expect(TokenKind.VERSION, "a version after '@'").text());
    }
    return Optional.empty();
  }

  private TopItem topItem() throws WitParseException {
    Token first = peek();
    List<Gate> gates = gates();
    Token kw = peek();
    String doc = first.doc() != null ? first.doc() : kw.doc();
    if (atKeyword("interface")) {
      advance();
      Token name = expect(TokenKind.ID, "an interface name");
      return new TopItem.Interface(name.text(), interfaceBody(), new Meta(doc, gates, name.pos()));
    }
    if (atKeyword("world")) {
      advance();
      Token name = expect(TokenKind.ID, "a world name");
      return new TopItem.World(name.text(), worldBody(), new Meta(doc, gates, name.pos()));
    }
    if (atKeyword("use")) {
      advance();
      UsePath path = usePath();
      Optional<String> alias = Optional.empty();
      if (atKeyword("as")) {
        advance();
        alias = Optional.of(identifier("an alias after 'as'"));
      }
      expect(TokenKind.SEMI, "';' after a top-level use");
      return new TopItem.Use(path, alias, new Meta(doc, gates, kw.pos()));
    }
    if (atKeyword("package")) {
      advance();
      PackageName name = packageName();
      expect(
          TokenKind.LBRACE,
          "'{' to open the nested package (a 'package x;' header must come first)");
      List<TopItem> items = new ArrayList<>();
      while (!accept(TokenKind.RBRACE)) {
        if (at(TokenKind.EOF)) {
          throw error(peek(), "expected '}' to close package " + name);
        }
        items.add(topItem());
      }
      return new TopItem.NestedPackage(name, items, kw.pos());
    }
    throw error(kw, "expected 'interface', 'world', 'use' or 'package'");
  }

  // ---- gates

  private List<Gate> gates() throws WitParseException {
    List<Gate> out = new ArrayList<>();
    while (at(TokenKind.AT)) {
      advance();
      Token kind = expect(TokenKind.ID, "a gate name (since, unstable or deprecated)");
      Gate.Kind k;
      String key;
      switch (kind.text()) {
        case "since" -> {
          k = Gate.Kind.SINCE;
          key = "version";
        }
        case "unstable" -> {
          k = Gate.Kind.UNSTABLE;
          key = "feature";
        }
        case "deprecated" -> {
          k = Gate.Kind.DEPRECATED;
          key = "version";
        }
        default -> throw error(kind, "expected a gate name (since, unstable or deprecated)");
      }
      expect(TokenKind.LPAREN, "'(' after @" + kind.text());
      String value = null;
      // @since(version = x, feature = y) is allowed by older WIT: keep the first key we know.
      do {
        if (at(TokenKind.RPAREN)) {
          break;
        }
        Token name = expect(TokenKind.ID, "'" + key + "'");
        expect(TokenKind.EQ, "'=' after " + name.text());
        Token v = advance();
        if (v.kind() != TokenKind.ID && v.kind() != TokenKind.VERSION) {
          throw error(v, "expected a value for " + name.text());
        }
        if (name.text().equals(key) && value == null) {
          value = v.text();
        }
      } while (accept(TokenKind.COMMA));
      expect(TokenKind.RPAREN, "')' to close @" + kind.text());
      if (value == null) {
        throw error(kind.pos(), "@" + kind.text() + " needs '" + key + " = ...'");
      }
      out.add(new Gate(k, value));
    }
    return out;
  }

  // ---- interfaces

  private List<InterfaceItem> interfaceBody() throws WitParseException {
    expect(TokenKind.LBRACE, "'{' to open the interface");
    List<InterfaceItem> items = new ArrayList<>();
    while (!accept(TokenKind.RBRACE)) {
      if (at(TokenKind.EOF)) {
        throw error(peek(), "expected '}' to close the interface");
      }
      items.add(interfaceItem());
    }
    return items;
  }

  private InterfaceItem interfaceItem() throws WitParseException {
    Token first = peek();
    List<Gate> gates = gates();
    Token kw = peek();
    String doc = first.doc() != null ? first.doc() : kw.doc();
    if (atKeyword("use")) {
      advance();
      UsePath path = usePath();
      expect(TokenKind.DOT, "'.' after the interface of a use");
      List<UseName> names = useNames();
      expect(TokenKind.SEMI, "';' after a use");
      return new InterfaceItem.Use(path, names, new Meta(doc, gates, kw.pos()));
    }
    TypeDecl type = typeDecl(doc, gates);
    if (type != null) {
      return type;
    }
    if (at(TokenKind.ID) && peek(1).kind() == TokenKind.COLON) {
      Token name = advance();
      advance();
      FuncSig sig = funcType();
      expect(TokenKind.SEMI, "';' after a function");
      return new InterfaceItem.Func(name.text(), sig, new Meta(doc, gates, name.pos()));
    }
    throw error(
        kw,
        "expected 'use', a type definition ('type', 'record', 'variant', 'enum', 'flags',"
            + " 'resource') or 'name: func(...)'");
  }

  private UsePath usePath() throws WitParseException {
    Token first = expect(TokenKind.ID, "an interface name or 'namespace:package/interface'");
    if (!accept(TokenKind.COLON)) {
      if (at(TokenKind.AT)) {
        throw error(peek(), "expected '.' (a local interface has no version)");
      }
      return new UsePath(Optional.empty(), first.text(), first.pos());
    }
    String name = identifier("a package name after ':'");
    while (accept(TokenKind.COLON)) {
      name = name + ":" + identifier("a package name after ':'");
    }
    expect(TokenKind.SLASH, "'/' and an interface name after the package");
    String iface = identifier("an interface name after '/'");
    Optional<String> version = optionalVersion();
    return new UsePath(
        Optional.of(new PackageName(first.text(), name, version)), iface, first.pos());
  }

  private List<UseName> useNames() throws WitParseException {
    expect(TokenKind.LBRACE, "'{' and the names to use");
    List<UseName> names = new ArrayList<>();
    do {
      if (at(TokenKind.RBRACE) && !names.isEmpty()) {
        break;
      }
      Token name = expect(TokenKind.ID, "a name to use");
      Optional<String> alias = Optional.empty();
      if (atKeyword("as")) {
        advance();
        alias = Optional.of(identifier("an alias after 'as'"));
      }
      names.add(new UseName(name.text(), alias, name.pos()));
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RBRACE, "',' or '}' in the list of used names");
    return names;
  }

  /** A type definition, or null (consuming nothing) if the next token does not start one. */
  private TypeDecl typeDecl(String doc, List<Gate> gates) throws WitParseException {
    if (atKeyword("type")) {
      advance();
      Token name = expect(TokenKind.ID, "a type name");
      expect(TokenKind.EQ, "'=' after the type name");
      TypeExpr target = type();
      expect(TokenKind.SEMI, "';' after a type alias");
      return new TypeDecl.Alias(name.text(), target, new Meta(doc, gates, name.pos()));
    }
    if (atKeyword("record")) {
      advance();
      Token name = expect(TokenKind.ID, "a record name");
      List<TypeDecl.Field> fields = new ArrayList<>();
      body(
          "record fields",
          () -> {
            Token f = peek();
            List<Gate> g = gates();
            Token fname = expect(TokenKind.ID, "a field name");
            expect(TokenKind.COLON, "':' after the field name");
            fields.add(new TypeDecl.Field(fname.text(), type(), meta(f, fname, g)));
          });
      return new TypeDecl.Record(name.text(), fields, new Meta(doc, gates, name.pos()));
    }
    if (atKeyword("variant")) {
      advance();
      Token name = expect(TokenKind.ID, "a variant name");
      List<TypeDecl.Case> cases = new ArrayList<>();
      body(
          "variant cases",
          () -> {
            Token f = peek();
            List<Gate> g = gates();
            Token cname = expect(TokenKind.ID, "a case name");
            Optional<TypeExpr> payload = Optional.empty();
            if (accept(TokenKind.LPAREN)) {
              payload = Optional.of(type());
              expect(TokenKind.RPAREN, "')' after the case payload");
            }
            cases.add(new TypeDecl.Case(cname.text(), payload, meta(f, cname, g)));
          });
      return new TypeDecl.Variant(name.text(), cases, new Meta(doc, gates, name.pos()));
    }
    boolean isEnum = atKeyword("enum");
    if (isEnum || atKeyword("flags")) {
      advance();
      Token name = expect(TokenKind.ID, isEnum ? "an enum name" : "a flags name");
      List<TypeDecl.Label> labels = new ArrayList<>();
      body(
          isEnum ? "enum cases" : "flags",
          () -> {
            Token f = peek();
            List<Gate> g = gates();
            Token lname = expect(TokenKind.ID, isEnum ? "an enum case" : "a flag name");
            labels.add(new TypeDecl.Label(lname.text(), meta(f, lname, g)));
          });
      Meta m = new Meta(doc, gates, name.pos());
      return isEnum
          ? new TypeDecl.Enum(name.text(), labels, m)
          : new TypeDecl.Flags(name.text(), labels, m);
    }
    if (atKeyword("resource")) {
      advance();
      Token name = expect(TokenKind.ID, "a resource name");
      List<ResourceFunc> funcs = new ArrayList<>();
      if (!accept(TokenKind.SEMI)) {
        expect(TokenKind.LBRACE, "';' or '{' after the resource name");
        while (!accept(TokenKind.RBRACE)) {
          if (at(TokenKind.EOF)) {
            throw error(peek(), "expected '}' to close resource " + name.text());
          }
          funcs.add(resourceFunc());
        }
      }
      return new TypeDecl.Resource(name.text(), funcs, new Meta(doc, gates, name.pos()));
    }
    return null;
  }

  private static Meta meta(Token first, Token name, List<Gate> gates) {
    return new Meta(first.doc() != null ? first.doc() : name.doc(), gates, name.pos());
  }

  /** An element of a brace-delimited, comma-separated list. */
  private interface Element {
    void parse() throws WitParseException;
  }

  /** {@code { e, e, ... }}, at least one element, trailing comma allowed. */
  private void body(String what, Element element) throws WitParseException {
    expect(TokenKind.LBRACE, "'{' to open the " + what);
    if (at(TokenKind.RBRACE)) {
      throw error(peek(), "expected at least one of the " + what);
    }
    do {
      if (at(TokenKind.RBRACE)) {
        break;
      }
      element.parse();
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.RBRACE, "',' or '}' in the " + what);
  }

  private ResourceFunc resourceFunc() throws WitParseException {
    Token first = peek();
    List<Gate> gates = gates();
    Token name = peek();
    if (atKeyword("constructor") && peek(1).kind() == TokenKind.LPAREN) {
      advance();
      List<ParamDecl> params = params();
      if (at(TokenKind.ARROW)) {
        // result<own<self>, E> constructors exist in newer WIT; this model has none.
        throw error(peek().pos(), "constructors with a result type are not supported");
      }
      expect(TokenKind.SEMI, "';' after the constructor");
      return new ResourceFunc(
          ResourceFunc.Kind.CONSTRUCTOR,
          "",
          new FuncSig(params, Optional.empty(), false),
          meta(first, name, gates));
    }
    expect(TokenKind.ID, "a method name or 'constructor'");
    expect(TokenKind.COLON, "':' after the method name");
    ResourceFunc.Kind kind = ResourceFunc.Kind.METHOD;
    if (atKeyword("static")) {
      advance();
      kind = ResourceFunc.Kind.STATIC;
    }
    FuncSig sig = funcType();
    expect(TokenKind.SEMI, "';' after the function");
    return new ResourceFunc(kind, name.text(), sig, meta(first, name, gates));
  }

  private FuncSig funcType() throws WitParseException {
    boolean async = false;
    if (atKeyword("async")) {
      advance();
      async = true;
    }
    expectKeyword("func");
    List<ParamDecl> params = params();
    Optional<TypeExpr> result = Optional.empty();
    if (accept(TokenKind.ARROW)) {
      if (at(TokenKind.LPAREN)) {
        throw error(peek().pos(), "named results '-> (name: type, ...)' are not supported");
      }
      result = Optional.of(type());
    }
    return new FuncSig(params, result, async);
  }

  private List<ParamDecl> params() throws WitParseException {
    expect(TokenKind.LPAREN, "'(' to open the parameters");
    List<ParamDecl> params = new ArrayList<>();
    while (!accept(TokenKind.RPAREN)) {
      Token name = expect(TokenKind.ID, "a parameter name or ')'");
      expect(TokenKind.COLON, "':' after the parameter name");
      params.add(new ParamDecl(name.text(), type(), name.pos()));
      if (!accept(TokenKind.COMMA)) {
        expect(TokenKind.RPAREN, "',' or ')' after a parameter");
        break;
      }
    }
    return params;
  }

  // ---- types

  private TypeExpr type() throws WitParseException {
    Token t = expect(TokenKind.ID, "a type");
    Pos p = t.pos();
    if (t.escaped()) {
      return new TypeExpr.Named(t.text(), p);
    }
    String name = t.text();
    if (PRIMITIVES.contains(name)) {
      // float32/float64 are the old spellings of f32/f64.
      String canonical = name.equals("float32") ? "f32" : name.equals("float64") ? "f64" : name;
      return new TypeExpr.Primitive(canonical, p);
    }
    switch (name) {
      case "list" -> {
        open(name);
        TypeExpr e = type();
        if (at(TokenKind.COMMA)) {
          throw error(peek().pos(), "fixed-size lists 'list<T, N>' are not supported");
        }
        close(name);
        return new TypeExpr.ListOf(e, p);
      }
      case "option" -> {
        open(name);
        TypeExpr e = type();
        close(name);
        return new TypeExpr.OptionOf(e, p);
      }
      case "result" -> {
        if (!accept(TokenKind.LT)) {
          return new TypeExpr.ResultOf(Optional.empty(), Optional.empty(), p);
        }
        Optional<TypeExpr> ok =
            accept(TokenKind.UNDERSCORE) ? Optional.empty() : Optional.of(type());
        Optional<TypeExpr> err = Optional.empty();
        if (accept(TokenKind.COMMA)) {
          err = Optional.of(type());
        } else if (ok.isEmpty()) {
          throw error(peek(), "expected ',' and an error type after 'result<_'");
        }
        close(name);
        return new TypeExpr.ResultOf(ok, err, p);
      }
      case "tuple" -> {
        open(name);
        List<TypeExpr> elements = new ArrayList<>();
        do {
          if (at(TokenKind.GT) && !elements.isEmpty()) {
            break;
          }
          elements.add(type());
        } while (accept(TokenKind.COMMA));
        close(name);
        return new TypeExpr.TupleOf(elements, p);
      }
      case "borrow", "own" -> {
        open(name);
        String resource = identifier("a resource name");
        close(name);
        return new TypeExpr.Handle(resource, name.equals("own"), p);
      }
      case "future", "stream", "error-context" ->
          throw error(p, "'" + name + "' (async) types are not supported");
      default -> {
        return new TypeExpr.Named(name, p);
      }
    }
  }

  private void open(String what) throws WitParseException {
    expect(TokenKind.LT, "'<' after '" + what + "'");
  }

  private void close(String what) throws WitParseException {
    expect(TokenKind.GT, "'>' to close '" + what + "<'");
  }

  // ---- worlds (summarised)

  private List<WorldItem> worldBody() throws WitParseException {
    expect(TokenKind.LBRACE, "'{' to open the world");
    List<WorldItem> items = new ArrayList<>();
    while (!accept(TokenKind.RBRACE)) {
      if (at(TokenKind.EOF)) {
        throw error(peek(), "expected '}' to close the world");
      }
      items.add(worldItem());
    }
    return items;
  }

  private WorldItem worldItem() throws WitParseException {
    Token first = peek();
    List<Gate> gates = gates();
    Token kw = peek();
    Meta meta = new Meta(first.doc() != null ? first.doc() : kw.doc(), gates, kw.pos());
    boolean isImport = atKeyword("import");
    if (isImport || atKeyword("export")) {
      advance();
      WorldItem.Kind kind = isImport ? WorldItem.Kind.IMPORT : WorldItem.Kind.EXPORT;
      if (at(TokenKind.ID) && peek(1).kind() == TokenKind.COLON) {
        Token next = peek(2);
        if (next.isKeyword("interface")) {
          Token name = advance();
          advance();
          advance();
          interfaceBody();
          return new WorldItem(kind, name.text(), meta);
        }
        if (next.isKeyword("func") || next.isKeyword("async")) {
          Token name = advance();
          advance();
          funcType();
          expect(TokenKind.SEMI, "';' after the function");
          return new WorldItem(kind, name.text(), meta);
        }
      }
      UsePath path = usePath();
      expect(TokenKind.SEMI, "';' after the " + (isImport ? "import" : "export"));
      return new WorldItem(kind, path.toString(), meta);
    }
    if (atKeyword("include")) {
      advance();
      UsePath path = usePath();
      if (atKeyword("with")) {
        advance();
        expect(TokenKind.LBRACE, "'{' after 'with'");
        do {
          if (at(TokenKind.RBRACE)) {
            break;
          }
          identifier("a name to rename");
          expectKeyword("as");
          identifier("the new name");
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "',' or '}' in the include renames");
      } else {
        expect(TokenKind.SEMI, "';' after the include");
      }
      return new WorldItem(WorldItem.Kind.INCLUDE, path.toString(), meta);
    }
    if (atKeyword("use")) {
      advance();
      UsePath path = usePath();
      expect(TokenKind.DOT, "'.' after the interface of a use");
      useNames();
      expect(TokenKind.SEMI, "';' after a use");
      return new WorldItem(WorldItem.Kind.USE, path.toString(), meta);
    }
    TypeDecl type = typeDecl(meta.doc(), gates);
    if (type != null) {
      return new WorldItem(WorldItem.Kind.TYPE, type.name(), meta);
    }
    throw error(kw, "expected 'import', 'export', 'include', 'use' or a type definition");
  }
}
