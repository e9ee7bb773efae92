package dev.fluxion.processor.lower;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.Tree.Kind;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.UnaryOp;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.model.IrTypes;
import dev.fluxion.processor.model.MethodDescriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Lowers expressions to IR for {@link Lowerer}: each call returns at most one operation on atoms,
 * after emitting the statements that compute its operands.
 */
final class ExpressionLowerer {
  private static final Map<Kind, BinaryOp> BINARY = Map.ofEntries(
      Map.entry(Kind.MULTIPLY, BinaryOp.MUL), Map.entry(Kind.DIVIDE, BinaryOp.DIV),
      Map.entry(Kind.REMAINDER, BinaryOp.REM), Map.entry(Kind.PLUS, BinaryOp.ADD),
      Map.entry(Kind.MINUS, BinaryOp.SUB), Map.entry(Kind.LEFT_SHIFT, BinaryOp.SHL),
      Map.entry(Kind.RIGHT_SHIFT, BinaryOp.SHR), Map.entry(Kind.UNSIGNED_RIGHT_SHIFT, BinaryOp.USHR),
      Map.entry(Kind.LESS_THAN, BinaryOp.LT), Map.entry(Kind.LESS_THAN_EQUAL, BinaryOp.LE),
      Map.entry(Kind.GREATER_THAN, BinaryOp.GT), Map.entry(Kind.GREATER_THAN_EQUAL, BinaryOp.GE),
      Map.entry(Kind.EQUAL_TO, BinaryOp.EQ), Map.entry(Kind.NOT_EQUAL_TO, BinaryOp.NE),
      Map.entry(Kind.AND, BinaryOp.AND), Map.entry(Kind.XOR, BinaryOp.XOR),
      Map.entry(Kind.OR, BinaryOp.OR),
      Map.entry(Kind.MULTIPLY_ASSIGNMENT, BinaryOp.MUL), Map.entry(Kind.DIVIDE_ASSIGNMENT, BinaryOp.DIV),
      Map.entry(Kind.REMAINDER_ASSIGNMENT, BinaryOp.REM), Map.entry(Kind.PLUS_ASSIGNMENT, BinaryOp.ADD),
      Map.entry(Kind.MINUS_ASSIGNMENT, BinaryOp.SUB),
      Map.entry(Kind.LEFT_SHIFT_ASSIGNMENT, BinaryOp.SHL),
      Map.entry(Kind.RIGHT_SHIFT_ASSIGNMENT, BinaryOp.SHR),
      Map.entry(Kind.UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, BinaryOp.USHR),
      Map.entry(Kind.AND_ASSIGNMENT, BinaryOp.AND), Map.entry(Kind.XOR_ASSIGNMENT, BinaryOp.XOR),
      Map.entry(Kind.OR_ASSIGNMENT, BinaryOp.OR));

  private final Lowerer lowerer;
  private final SymbolResolver resolver;

  ExpressionLowerer(Lowerer lowerer, SymbolResolver resolver) {
    this.lowerer = lowerer;
    this.resolver = resolver;
  }

  /** Lowers an expression to an atom, naming it with a temporary if it is an operation. */
  Atom atom(ExpressionTree tree) {
    return atomOf(expr(tree));
  }

  Atom atomOf(Expr value) {
    if (value instanceof Atom a) {
      return a;
    }
    Var t = lowerer.temp(value.type());
    lowerer.emit(new Stmt.Let(t, value));
    return t;
  }

  /** Lowers an expression to at most one operation on atoms. */
  Expr expr(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return expr(((ParenthesizedTree) tree).getExpression());
      case INT_LITERAL:
        return new Const(((LiteralTree) tree).getValue(), Primitive.INT);
      case LONG_LITERAL:
        return new Const(((LiteralTree) tree).getValue(), Primitive.LONG);
      case DOUBLE_LITERAL:
        return new Const(((LiteralTree) tree).getValue(), Primitive.DOUBLE);
      case BOOLEAN_LITERAL:
        return new Const(((LiteralTree) tree).getValue(), Primitive.BOOLEAN);
      case IDENTIFIER:
        return identifier((IdentifierTree) tree);
      case MEMBER_SELECT:
        return memberSelect((MemberSelectTree) tree);
      case METHOD_INVOCATION:
        return call((MethodInvocationTree) tree);
      case ARRAY_ACCESS:
        return arrayRead((ArrayAccessTree) tree);
      case NEW_ARRAY:
        return newArray((NewArrayTree) tree, null);
      case TYPE_CAST:
        return cast((TypeCastTree) tree);
      case CONDITIONAL_EXPRESSION:
        return conditional((ConditionalExpressionTree) tree);
      case ASSIGNMENT:
        return assignment((AssignmentTree) tree);
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return shortCircuit((BinaryTree) tree);
      case UNARY_MINUS:
      case UNARY_PLUS:
      case LOGICAL_COMPLEMENT:
      case BITWISE_COMPLEMENT:
        return unary((UnaryTree) tree);
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return increment((UnaryTree) tree);
      default:
        if (tree instanceof CompoundAssignmentTree compound) {
          return compoundAssignment(compound);
        }
        if (tree instanceof BinaryTree binary && BINARY.containsKey(tree.getKind())) {
          Atom left = atom(binary.getLeftOperand());
          Atom right = atom(binary.getRightOperand());
          return binary(BINARY.get(tree.getKind()), left, right, tree);
        }
        throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this expression",
            "see the README for the differentiable subset");
    }
  }

  /**
   * Lowers a variable's initializer: like {@link #expr}, except that a bare array initializer
   * ({@code {1, x}}) takes its type from the declaration.
   */
  Expr initializer(ExpressionTree tree, IrType declared) {
    if (tree instanceof NewArrayTree array) {
      return newArray(array, declared);
    }
    return expr(tree);
  }

  // ---- arrays ----

  private Expr arrayRead(ArrayAccessTree tree) {
    Atom array = atom(tree.getExpression());
    if (!(array.type() instanceof ArrayType type)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "indexing " + array.type(),
          "index arrays");
    }
    Atom index = index(tree.getIndex());
    return new Expr.ArrayRead(array, index, type.component());
  }

  private Atom index(ExpressionTree tree) {
    return atomOf(convert(expr(tree), Primitive.INT, false, tree));
  }

  private Expr newArray(NewArrayTree tree, IrType declared) {
    if (tree.getDimensions().isEmpty() && tree.getInitializers() == null) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this array creation", "");
    }
    if (!tree.getDimensions().isEmpty()) {
      Primitive element = tree.getType() instanceof ArrayTypeTree ? Primitive.DOUBLE
          : DeclaredTypes.primitive(tree.getType());
      int rank = tree.getDimensions().size();
      if (tree.getType() instanceof ArrayTypeTree inner) {
        // new double[n][]: rows assigned later.
        element = DeclaredTypes.primitive(inner.getType());
        rank++;
      }
      if (tree.getInitializers() != null || rank > 2 || (element != Primitive.DOUBLE && rank > 1)
          || (element != Primitive.DOUBLE && element != Primitive.INT)) {
        throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this array creation",
            "create double[n], double[n][m], double[n][] or int[n]");
      }
      List<Atom> sizes = new ArrayList<>();
      for (ExpressionTree dimension : tree.getDimensions()) {
        sizes.add(index(dimension));
      }
      return new Expr.NewArray(new ArrayType(element, rank), sizes);
    }
    IrType type = tree.getType() == null ? declared
        : tree.getType() instanceof PrimitiveTypeTree
            ? new ArrayType(DeclaredTypes.primitive(tree.getType()), 1)
            : DeclaredTypes.of(tree.getType()) == ArrayType.VECTOR ? ArrayType.MATRIX : null;
    if (!(type instanceof ArrayType arrayType)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this array initializer",
          "declare its type, as in double[] a = {1, 2}");
    }
    List<Atom> elements = new ArrayList<>();
    for (ExpressionTree element : tree.getInitializers()) {
      Expr value = element instanceof NewArrayTree row ? newArray(row, arrayType.component())
          : expr(element);
      elements.add(atomOf(convert(value, arrayType.component(), false, element)));
    }
    return new Expr.ArrayLiteral(arrayType, elements);
  }

  /** {@code a[i] = value}, {@code a[i] op= value}, {@code a[i]++}: returns the value written. */
  private Atom arrayWrite(ArrayAccessTree target, BinaryOp op, ExpressionTree operand,
      Atom constantOperand, boolean returnOld, Tree site) {
    Atom array = atom(target.getExpression());
    if (!(array.type() instanceof ArrayType type)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, target, "indexing " + array.type(), "");
    }
    if (type.component() instanceof ArrayType && op != null) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, site, "arithmetic on a row",
          "work on the elements, A[i][j]");
    }
    Atom index = index(target.getIndex());
    Atom value;
    Atom old = null;
    if (op == null) {
      value = atomOf(convert(expr(operand), type.component(), false, site));
    } else {
      old = atomOf(new Expr.ArrayRead(array, index, type.component()));
      Atom right = constantOperand != null ? constantOperand : atom(operand);
      value = atomOf(convert(binary(op, old, right, site), type.component(), true, site));
    }
    lowerer.emit(new Stmt.ArrayWrite(array, index, value));
    return returnOld ? old : value;
  }

  // ---- names ----

  private Expr identifier(IdentifierTree tree) {
    String name = tree.getName().toString();
    if (name.equals("this")) {
      return requireSelf(tree);
    }
    Optional<Scope.Binding> local = lowerer.scope().lookup(name);
    if (local.isPresent()) {
      if (local.get().current() == null) {
        throw new Rejection(Diagnostic.UNRESOLVED, tree, "'" + name + "'",
            "it is not assigned on every path to here");
      }
      return local.get().current();
    }
    VariableElement field = resolver.field(resolver.owner(), name).orElseThrow(() ->
        new Rejection(Diagnostic.UNRESOLVED, tree, "'" + name + "'",
            "only parameters, locals and fields of the enclosing class are visible by simple name"));
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    return fieldRead(field, isStatic ? null : requireSelf(tree), tree);
  }

  private Var requireSelf(Tree tree) {
    if (lowerer.self() == null) {
      throw new Rejection(Diagnostic.UNRESOLVED, tree, "'" + tree + "'", "the method is static");
    }
    return lowerer.self();
  }

  private Expr memberSelect(MemberSelectTree tree) {
    String name = tree.getIdentifier().toString();
    Optional<Atom> receiver = receiver(tree.getExpression());
    if (receiver.isPresent() && receiver.get().type() instanceof ArrayType) {
      if (!name.equals("length")) {
        throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "'" + tree + "'", "");
      }
      return new Expr.ArrayLength(receiver.get());
    }
    if (receiver.isPresent()) {
      TypeElement type = resolver.classOf(receiver.get().type()).orElseThrow(() ->
          new Rejection(Diagnostic.UNRESOLVED, tree, "'" + tree + "'", "it is not a field"));
      VariableElement field = resolver.field(type, name).orElseThrow(() ->
          new Rejection(Diagnostic.UNRESOLVED, tree, "'" + tree + "'", "no such field"));
      return fieldRead(field, field.getModifiers().contains(Modifier.STATIC) ? null : receiver.get(), tree);
    }
    TypeElement type = resolver.type(tree.getExpression()).orElseThrow(() ->
        new Rejection(Diagnostic.UNRESOLVED, tree.getExpression(), "'" + tree.getExpression() + "'",
            "it is neither a variable, a field nor a type"));
    VariableElement field = resolver.field(type, name).orElseThrow(() ->
        new Rejection(Diagnostic.UNRESOLVED, tree, "'" + tree + "'", "no such field"));
    return fieldRead(field, null, tree);
  }

  /** The object an expression such as {@code q} in {@code q.f} denotes, if it is one. */
  private Optional<Atom> receiver(ExpressionTree qualifier) {
    if (qualifier instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (name.equals("this")) {
        return Optional.of(requireSelf(id));
      }
      boolean isVariable = lowerer.scope().lookup(name).isPresent()
          || resolver.field(resolver.owner(), name).isPresent();
      return isVariable ? Optional.of(atom(qualifier)) : Optional.empty();
    }
    if (qualifier instanceof MemberSelectTree select && resolver.type(select).isEmpty()) {
      return Optional.of(atom(qualifier));
    }
    if (qualifier instanceof ArrayAccessTree || qualifier instanceof MethodInvocationTree
        || qualifier instanceof ParenthesizedTree) {
      return Optional.of(atom(qualifier));
    }
    return Optional.empty();
  }

  private Expr fieldRead(VariableElement field, Atom receiver, Tree site) {
    Object constant = field.getConstantValue();
    if (constant instanceof Double || constant instanceof Float) {
      return Const.of(((Number) constant).doubleValue());
    }
    if (constant instanceof Integer || constant instanceof Short || constant instanceof Byte) {
      return new Const(((Number) constant).intValue(), Primitive.INT);
    }
    if (constant instanceof Character c) {
      return new Const((int) c, Primitive.INT);
    }
    if (constant instanceof Long || constant instanceof Boolean) {
      return new Const(constant, constant instanceof Long ? Primitive.LONG : Primitive.BOOLEAN);
    }
    IrType type = IrTypes.of(field.asType());
    if (type == null) {
      throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, site, field.asType());
    }
    if (!SymbolResolver.reachable(field)) {
      throw new Rejection(Diagnostic.PRIVATE_MEMBER, site, "field '" + field.getSimpleName() + "'");
    }
    Reference owner = new Reference(resolver.erasure(field.getEnclosingElement().asType()));
    return new Expr.FieldRead(owner, receiver, field.getSimpleName().toString(), type);
  }

  // ---- calls ----

  private Expr call(MethodInvocationTree tree) {
    ExpressionTree select = tree.getMethodSelect();
    String name;
    TypeElement type;
    Atom receiver = null;
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      type = resolver.typeDeclaringMethod(name).orElseThrow(() ->
          new Rejection(Diagnostic.UNRESOLVED, tree, "the method '" + name + "'",
              "call methods of this class, of imported classes, or of parameters"));
    } else if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
      Optional<Atom> object = receiver(member.getExpression());
      if (object.isPresent()) {
        receiver = object.get();
        type = resolver.classOf(receiver.type()).orElseThrow(() ->
            new Rejection(Diagnostic.UNRESOLVED, tree, "'" + member + "'", "not an object"));
      } else {
        type = resolver.type(member.getExpression()).orElseThrow(() ->
            new Rejection(Diagnostic.UNRESOLVED, member.getExpression(),
                "'" + member.getExpression() + "'", "it is neither a variable nor a type"));
      }
    } else {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this call",
          "call a method by name");
    }
    List<Atom> arguments = new ArrayList<>();
    for (ExpressionTree argument : tree.getArguments()) {
      arguments.add(atom(argument));
    }
    ExecutableElement method =
        resolver.method(type, name, arguments.stream().map(Atom::type).toList(), tree);
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (!isStatic && receiver == null) {
      receiver = requireSelf(tree);
    }
    if (isStatic) {
      receiver = null;
    }
    IrType result = method.getReturnType().getKind() == TypeKind.VOID
        ? new Reference(method.getReturnType())
        : IrTypes.of(method.getReturnType());
    if (result == null) {
      throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, tree, method.getReturnType());
    }
    String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    Callee callee;
    if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
      callee = new Callee.MathFunction(owner, name);
    } else {
      if (!SymbolResolver.reachable(method)) {
        throw new Rejection(Diagnostic.PRIVATE_MEMBER, tree, "method '" + name + "'");
      }
      if (MethodDescriber.annotation(method).isPresent()) {
        try {
          callee = new Callee.Primal(resolver.describer().describe(method));
        } catch (MethodDescriber.InvalidDeclaration e) {
          throw new Rejection(Diagnostic.UNRESOLVED, tree, "the derivatives of '" + name + "'",
              e.getMessage());
        }
      } else {
        Reference declaring = new Reference(resolver.erasure(method.getEnclosingElement().asType()));
        java.util.Optional<List<dev.fluxion.processor.model.DifferentiableMethod>> partials;
        try {
          partials = isStatic ? resolver.registry().partialsOf(method, resolver.owner())
              : java.util.Optional.empty();
        } catch (dev.fluxion.processor.model.PartialRegistry.MissingParameterNames e) {
          throw new Rejection(Diagnostic.PARAMETER_NAMES_MISSING, tree,
              method.getEnclosingElement().getSimpleName() + "." + name, e.wrt());
        }
        if (partials.isPresent()) {
          List<String> parameters = method.getParameters().stream()
              .map(p -> p.getSimpleName().toString()).toList();
          callee = new Callee.Registered(declaring, name, parameters, partials.get());
        } else if (isStatic) {
          callee = resolver.customs().lookup(method, resolver.owner())
              .<Callee>map(custom -> custom)
              .orElse(new Callee.Plain(declaring, name, true));
        } else {
          callee = new Callee.Plain(declaring, name, false);
        }
      }
    }
    Expr.Call call = new Expr.Call(callee, receiver, arguments, result);
    lowerer.origin(call, tree);
    return call;
  }

  // ---- operators ----

  private Expr cast(TypeCastTree tree) {
    if (!(tree.getType() instanceof PrimitiveTypeTree)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "a cast to a reference type",
          "casts convert between int, long and double");
    }
    Primitive target = primitive(tree.getType());
    return convert(expr(tree.getExpression()), target, true, tree);
  }

  private static Primitive primitive(Tree typeTree) {
    return switch (((PrimitiveTypeTree) typeTree).getPrimitiveTypeKind()) {
      case DOUBLE -> Primitive.DOUBLE;
      case INT -> Primitive.INT;
      case LONG -> Primitive.LONG;
      case BOOLEAN -> Primitive.BOOLEAN;
      default -> throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, typeTree, typeTree);
    };
  }

  /**
   * Converts a value to a type: by widening (assignment) or also by narrowing (casts and compound
   * assignment). Constants are converted on the spot.
   */
  Expr convert(Expr value, IrType target, boolean narrowing, Tree site) {
    if (value.type().equals(target)) {
      return value;
    }
    if (!(value.type() instanceof Primitive from) || !(target instanceof Primitive to)
        || from == Primitive.BOOLEAN || to == Primitive.BOOLEAN
        || (!narrowing && !from.widensTo(to))) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, site, "converting "
          + value.type() + " to " + target, "differentiable code converts only between numbers");
    }
    if (value instanceof Const c) {
      return switch (to) {
        case DOUBLE -> Const.of(c.asDouble());
        case LONG -> new Const(((Number) c.value()).longValue(), Primitive.LONG);
        case INT -> new Const(((Number) c.value()).intValue(), Primitive.INT);
        case BOOLEAN -> throw new IllegalStateException("unreachable");
      };
    }
    return new Expr.Cast(to, atomOf(value));
  }

  private Expr unary(UnaryTree tree) {
    Atom operand = atom(tree.getExpression());
    Primitive type = numericOrBoolean(operand, tree);
    return switch (tree.getKind()) {
      case UNARY_PLUS -> requireNumeric(operand, tree);
      case UNARY_MINUS -> new Expr.Unary(UnaryOp.NEG, requireNumeric(operand, tree),
          Primitive.promote(type, Primitive.INT));
      case LOGICAL_COMPLEMENT -> {
        if (type != Primitive.BOOLEAN) {
          throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "'!' on a number", "");
        }
        yield new Expr.Unary(UnaryOp.NOT, operand, Primitive.BOOLEAN);
      }
      default -> {
        if (type != Primitive.INT && type != Primitive.LONG) {
          throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "'~' on " + type, "");
        }
        yield new Expr.Unary(UnaryOp.COMPLEMENT, operand, type);
      }
    };
  }

  private static Atom requireNumeric(Atom operand, Tree site) {
    if (!(operand.type() instanceof Primitive p) || !p.isNumeric()) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, site, "arithmetic on " + operand.type(),
          "arithmetic needs numbers");
    }
    return operand;
  }

  private static Primitive numericOrBoolean(Atom operand, Tree site) {
    if (operand.type() instanceof Primitive p) {
      return p;
    }
    throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, site, "an operator on " + operand.type(),
        "operators in differentiable code work on numbers and booleans");
  }

  /** A binary operation on two atoms, typed as the JLS types it. */
  Expr binary(BinaryOp op, Atom left, Atom right, Tree site) {
    Primitive l = numericOrBoolean(left, site);
    Primitive r = numericOrBoolean(right, site);
    boolean numeric = l.isNumeric() && r.isNumeric();
    boolean integral = numeric && l != Primitive.DOUBLE && r != Primitive.DOUBLE;
    Primitive type = switch (op.result()) {
      case ARITHMETIC -> numeric ? Primitive.promote(l, r) : null;
      case SHIFT -> integral ? Primitive.promote(l, Primitive.INT) : null;
      case COMPARISON -> numeric || (l == r && (op == BinaryOp.EQ || op == BinaryOp.NE))
          ? Primitive.BOOLEAN : null;
      case BITWISE -> l == Primitive.BOOLEAN && r == Primitive.BOOLEAN
          ? Primitive.BOOLEAN
          : integral ? Primitive.promote(l, r) : null;
    };
    if (type == null) {
      throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, site,
          "'" + op.symbol() + "' on " + l.keyword() + " and " + r.keyword(),
          "the operands do not have types this operator takes");
    }
    return new Expr.Binary(op, left, right, type);
  }

  /**
   * {@code a && b} and {@code a || b}. When {@code b} is a plain comparison it is safe to evaluate
   * eagerly; otherwise it is lowered into a branch so that it runs only when Java would run it.
   */
  private Expr shortCircuit(BinaryTree tree) {
    boolean and = tree.getKind() == Kind.CONDITIONAL_AND;
    Atom left = atom(tree.getLeftOperand());
    Expr[] right = new Expr[1];
    Block[] rightCode = new Block[1];
    lowerer.speculate(() -> rightCode[0] = lowerer.branch(() -> right[0] = expr(tree.getRightOperand())));
    if (rightCode[0].isEmpty() && right[0] instanceof Atom) {
      return binary(and ? BinaryOp.AND : BinaryOp.OR, left, (Atom) right[0], tree);
    }
    if (rightCode[0].isEmpty() && !(right[0] instanceof Expr.Call)) {
      return binary(and ? BinaryOp.AND : BinaryOp.OR, left, atom(tree.getRightOperand()), tree);
    }
    return conditionalValue(left, Primitive.BOOLEAN,
        and ? () -> expr(tree.getRightOperand()) : () -> Const.of(true),
        and ? () -> Const.of(false) : () -> expr(tree.getRightOperand()), tree);
  }

  private Expr conditional(ConditionalExpressionTree tree) {
    Atom condition = atom(tree.getCondition());
    IrType type = conditionalType(tree);
    return conditionalValue(condition, type,
        () -> expr(tree.getTrueExpression()), () -> expr(tree.getFalseExpression()), tree);
  }

  /** The type of {@code c ? a : b}, found by lowering both sides once on the side. */
  private IrType conditionalType(ConditionalExpressionTree tree) {
    IrType[] types = new IrType[2];
    lowerer.speculate(() -> {
      lowerer.branch(() -> types[0] = expr(tree.getTrueExpression()).type());
      lowerer.branch(() -> types[1] = expr(tree.getFalseExpression()).type());
    });
    if (types[0] instanceof Primitive a && types[1] instanceof Primitive b) {
      if (a == b) {
        return a;
      }
      if (a.isNumeric() && b.isNumeric()) {
        return Primitive.promote(a, b);
      }
    }
    throw new Rejection(Diagnostic.UNSUPPORTED_EXPRESSION, tree,
        "'?:' choosing between " + types[0] + " and " + types[1], "both sides must be numbers or booleans");
  }

  /** A value chosen by a branch: declared first, assigned on each side. */
  private Expr conditionalValue(Atom condition, IrType type,
      java.util.function.Supplier<Expr> ifTrue, java.util.function.Supplier<Expr> ifFalse, Tree site) {
    Var value = lowerer.temp(type);
    lowerer.emit(new Stmt.Declare(value, null));
    lowerer.branchAndMerge(condition,
        () -> {
          lowerer.emit(new Stmt.Set(value, convert(ifTrue.get(), type, false, site)));
          return false;
        },
        () -> {
          lowerer.emit(new Stmt.Set(value, convert(ifFalse.get(), type, false, site)));
          return false;
        });
    return value;
  }

  // ---- assignments ----

  private Expr assignment(AssignmentTree tree) {
    if (tree.getVariable() instanceof ArrayAccessTree target) {
      return arrayWrite(target, null, tree.getExpression(), null, false, tree);
    }
    String name = assignedLocal(tree.getVariable());
    Expr value = expr(tree.getExpression());
    return assign(name, value, false, tree);
  }

  private Expr compoundAssignment(CompoundAssignmentTree tree) {
    if (tree.getVariable() instanceof ArrayAccessTree target) {
      return arrayWrite(target, BINARY.get(tree.getKind()), tree.getExpression(), null, false, tree);
    }
    String name = assignedLocal(tree.getVariable());
    Atom current = atom(tree.getVariable());
    Atom operand = atom(tree.getExpression());
    Expr value = binary(BINARY.get(tree.getKind()), current, operand, tree);
    return assign(name, value, true, tree);
  }

  private Expr increment(UnaryTree tree) {
    boolean up = tree.getKind() == Kind.PREFIX_INCREMENT || tree.getKind() == Kind.POSTFIX_INCREMENT;
    boolean prefix = tree.getKind() == Kind.PREFIX_INCREMENT || tree.getKind() == Kind.PREFIX_DECREMENT;
    if (tree.getExpression() instanceof ArrayAccessTree target) {
      return arrayWrite(target, up ? BinaryOp.ADD : BinaryOp.SUB, null,
          new Const(1, Primitive.INT), !prefix, tree);
    }
    String name = assignedLocal(tree.getExpression());
    Atom old = atom(tree.getExpression());
    Primitive type = (Primitive) requireNumeric(old, tree).type();
    Const one = (Const) convert(new Const(1, Primitive.INT), type, false, tree);
    Var updated = assign(name, new Expr.Binary(up ? BinaryOp.ADD : BinaryOp.SUB, old, one, type), false, tree);
    return prefix ? updated : old;
  }

  private Var assign(String name, Expr value, boolean narrowing, Tree site) {
    IrType type = lowerer.scope().lookup(name).orElseThrow().declaredType();
    Var version = lowerer.newVersion(name, type);
    lowerer.emit(new Stmt.Let(version, convert(value, type, narrowing, site)));
    lowerer.scope().assign(name, version);
    return version;
  }

  /** The local variable an assignment writes; fields cannot be written. */
  private String assignedLocal(ExpressionTree target) {
    if (target instanceof IdentifierTree id
        && lowerer.scope().lookup(id.getName().toString()).isPresent()) {
      return id.getName().toString();
    }
    String name = target instanceof MemberSelectTree m ? m.getIdentifier().toString() : target.toString();
    if (target instanceof MemberSelectTree || resolver.field(resolver.owner(), name).isPresent()) {
      throw new Rejection(Diagnostic.FIELD_ASSIGNMENT, target, name);
    }
    throw new Rejection(Diagnostic.UNRESOLVED, target, "'" + target + "'", "it is not a local variable");
  }
}
