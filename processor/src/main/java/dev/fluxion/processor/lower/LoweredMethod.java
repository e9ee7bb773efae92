package dev.fluxion.processor.lower;

import com.sun.source.tree.Tree;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.List;
import java.util.Map;

/**
 * The result of lowering: the primal method in IR form, and what later phases need to report
 * problems on the source and to name things.
 *
 * @param descriptor the method's descriptor
 * @param ir the primal in simple form; every path ends in one {@code Return}
 * @param independents the parameter variables the method is differentiated with respect to
 * @param origins the source tree of each call, so that later phases can put errors on it
 * @param names the allocator that named the IR, for the transforms to continue with
 */
public record LoweredMethod(
    DifferentiableMethod descriptor,
    IrMethod ir,
    List<Var> independents,
    Map<Expr, Tree> origins,
    NameAllocator names) {}
