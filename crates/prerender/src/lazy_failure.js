// The fetches of the modules one island's load starts, which it gives up on together: each
// module's `fetch` (in `makeLoad`'s fetchers, which all run as the load starts) takes this
// signal.
let islandLoads = new AbortController();

function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        const loads = new AbortController();
        islandLoads = loads;
        // A module still arriving after the bound is given up on, as if it had failed: its fetch
        // is stopped, which frees what the browser holds for it, and it is never used.
        const late = new Promise((_, reject) => {
            loads.signal.addEventListener("abort", () => reject(loads.signal.reason));
        });
        const timer = setTimeout(
            () => loads.abort(new Error("it did not arrive in time")),
            __STALL_BOUND_MS__,
        );
        try {
            await Promise.race([callee(), late]);
        } catch (error) {
            // Only this module's part is affected: the wasm entry, waiting for this part,
            // hears of it, leaves the part as rendered and goes on with the others.
            console.warn("explainer: a part of the page could not be loaded", error);
            dispatchEvent(new CustomEvent("__FAILED_EVENT__"));
            return;
        } finally {
            clearTimeout(timer);
        }
        const table = getSharedImports().__wasm_split.__indirect_function_table;
        table.get(callbackIndex)(callbackData, true);
    };
}
