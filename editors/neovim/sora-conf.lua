-- sora.conf in Neovim 0.7 or later: filetype detection and the sora-conf language server (docs/editors.md).
-- Paste into init.lua, or save as ~/.config/nvim/plugin/sora-conf.lua. Needs `sora-conf` on PATH
-- (dotnet tool install -g Sora.Config.Tool). Uses vim.lsp.start_client and buf_attach_client, which Neovim 0.7
-- has (vim.lsp.start arrived in 0.8), and no plugin.

vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { 'sora.conf', '*.sora.conf' },
  command = 'set filetype=sora-conf',
})

local sora_conf_client

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'sora-conf',
  callback = function(args)
    -- One server for every sora.conf buffer; a new one if it has stopped.
    if not sora_conf_client or vim.lsp.client_is_stopped(sora_conf_client) then
      sora_conf_client = vim.lsp.start_client({
        name = 'sora-conf',
        cmd = { 'sora-conf', 'lsp', '--stdio' },
        root_dir = vim.fn.getcwd(),
        -- soraVersion: for files without a "# sora-version:" line; profile: "production" or "development";
        -- locale: "en" or "ja" (default: the client's locale).
        init_options = { profile = 'production' },
      })
    end
    if sora_conf_client then vim.lsp.buf_attach_client(args.buf, sora_conf_client) end
  end,
})
