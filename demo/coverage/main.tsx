/** The coverage console's entry point: create the state, render, then load the knowledge base and the sample log. */
import { render } from 'preact'
import { App } from './components/App.tsx'
import { ConsoleModel } from './state/console-model.ts'

const root = document.getElementById('app')
if (root) {
  const model = new ConsoleModel()
  render(<App model={model} />, root)
  void model.start()
}
