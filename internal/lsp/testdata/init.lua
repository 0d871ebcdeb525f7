-- chancery's language server for the YAML files of a project (Neovim 0.7+).
-- Start nvim in the project directory.
local chancery
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    chancery = chancery or vim.lsp.start_client({
      name = "chancery",
      cmd = { "chancery", "lsp" },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, chancery)
  end,
})
