function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        try {
            await callee();
        } catch (error) {
            // Only this module's part is affected: the wasm entry, waiting for this part,
            // hears of it, leaves the part as rendered and goes on with the others.
            console.warn("explainer: a part of the page could not be loaded", error);
            dispatchEvent(new CustomEvent("__FAILED_EVENT__"));
            return;
        }
        const table = getSharedImports().__wasm_split.__indirect_function_table;
        table.get(callbackIndex)(callbackData, true);
    };
}
